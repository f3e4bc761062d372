// Runs every process rule over a program's own sources in one walk, and collects what they find: all of it is
// reported in one run, nothing is thrown. Library files (TypeScript's lib, node_modules) are not walked.
import type * as TS from 'typescript';
import { findingDiagnostic, type Finding } from './report.js';
import type { NodeRule, RuleContext, TsApi } from './rule-context.js';
import { jumpOutOfTry } from './jump-out-of-try.js';
import { labels } from './labels.js';
import { hostGlobals } from './host-globals.js';
import { payloads } from './payloads.js';
import { privateNames, usingDeclarations } from './unsupported-syntax.js';
import { asyncMain } from './async-main.js';
import { checkNodeTypes } from './node-types.js';

const NODE_RULES: readonly NodeRule[] = [jumpOutOfTry, labels, hostGlobals, payloads, privateNames, usingDeclarations, asyncMain];

function rulesByKind(ts: TsApi, rules: readonly NodeRule[]): Map<TS.SyntaxKind, NodeRule[]> {
  const byKind = new Map<TS.SyntaxKind, NodeRule[]>();
  for (const rule of rules) {
    for (const kind of rule.kinds(ts)) byKind.set(kind, [...(byKind.get(kind) ?? []), rule]);
  }
  return byKind;
}

/** The files the author wrote: not TypeScript's lib, not a package's declarations. */
function ownSourceFiles(program: TS.Program): TS.SourceFile[] {
  return program
    .getSourceFiles()
    .filter(
      (f) =>
        !program.isSourceFileDefaultLibrary(f) &&
        !program.isSourceFileFromExternalLibrary(f) &&
        !/[\\/]node_modules[\\/]/.test(f.fileName),
    );
}

/**
 * Every process-rule problem of the program, as ts.Diagnostics (source 'moonforge', codes MF9xxx). `ts` is the
 * TypeScript API the program was made with.
 */
export function checkProcessRules(ts: TsApi, program: TS.Program): TS.Diagnostic[] {
  const findings: Finding[] = [];
  const ctx: RuleContext = { ts, program, checker: program.getTypeChecker(), report: (f) => findings.push(f) };
  const files = ownSourceFiles(program);
  checkNodeTypes(ctx, files);
  const forCode = rulesByKind(ts, NODE_RULES);
  const forDeclarations = rulesByKind(ts, NODE_RULES.filter((r) => r.inDeclarationFiles));
  for (const file of files) {
    const byKind = file.isDeclarationFile ? forDeclarations : forCode;
    const visit = (node: TS.Node): void => {
      for (const rule of byKind.get(node.kind) ?? []) rule.check(node, ctx);
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  // in the order of the files, then of the text (the walk meets an outer call before the arguments it contains)
  const order = new Map(files.map((f, i) => [f.fileName, i]));
  return findings
    .map((f) => findingDiagnostic(ts, f))
    .sort((a, b) => (order.get(a.file?.fileName ?? '') ?? -1) - (order.get(b.file?.fileName ?? '') ?? -1) || (a.start ?? 0) - (b.start ?? 0));
}

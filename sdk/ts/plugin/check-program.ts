// Runs every process rule over a program's own sources in one walk, and collects what they find: all of it is
// reported in one run, nothing is thrown. Library files (TypeScript's lib, node_modules) are not walked.
import ts from 'typescript';
import { findingDiagnostic, type Finding } from './report.js';
import type { NodeRule, RuleContext } from './rule-context.js';
import { jumpOutOfTry } from './jump-out-of-try.js';
import { labels } from './labels.js';
import { hostGlobals } from './host-globals.js';
import { payloads } from './payloads.js';
import { checkNodeTypes } from './node-types.js';

const NODE_RULES: readonly NodeRule[] = [jumpOutOfTry, labels, hostGlobals, payloads];

function rulesByKind(): Map<ts.SyntaxKind, NodeRule[]> {
  const byKind = new Map<ts.SyntaxKind, NodeRule[]>();
  for (const rule of NODE_RULES) {
    for (const kind of rule.kinds) byKind.set(kind, [...(byKind.get(kind) ?? []), rule]);
  }
  return byKind;
}

/** The files the author wrote: not TypeScript's lib, not a package's declarations. */
export function ownSourceFiles(program: ts.Program): ts.SourceFile[] {
  return program
    .getSourceFiles()
    .filter(
      (f) =>
        !program.isSourceFileDefaultLibrary(f) &&
        !program.isSourceFileFromExternalLibrary(f) &&
        !/[\\/]node_modules[\\/]/.test(f.fileName),
    );
}

/** Every process-rule problem of the program, as ts.Diagnostics (source 'moonforge', codes MF9xxx). */
export function checkProcessRules(program: ts.Program): ts.Diagnostic[] {
  const findings: Finding[] = [];
  const ctx: RuleContext = { program, checker: program.getTypeChecker(), report: (f) => findings.push(f) };
  const files = ownSourceFiles(program);
  checkNodeTypes(ctx, files);
  const byKind = rulesByKind();
  const visit = (node: ts.Node): void => {
    for (const rule of byKind.get(node.kind) ?? []) rule.check(node, ctx);
    ts.forEachChild(node, visit);
  };
  for (const file of files) visit(file);
  return findings.map(findingDiagnostic);
}

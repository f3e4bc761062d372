// What every process rule gets: the TypeScript API (the instance TSTL uses, loaded at first use by the toolchain, so
// that importing the plugin costs nothing), the program, its type checker, and where to put what it finds.
import type * as TS from 'typescript';
import type { Finding } from './report.js';

export type TsApi = typeof TS;

export interface RuleContext {
  ts: TsApi;
  program: TS.Program;
  checker: TS.TypeChecker;
  report(finding: Finding): void;
}

/** A rule that looks at nodes of some kinds, as the walker meets them. */
export interface NodeRule {
  kinds(ts: TsApi): readonly TS.SyntaxKind[];
  /** whether the rule has anything to find in .d.ts files (only declarations there: no code runs) */
  inDeclarationFiles?: boolean;
  check(node: TS.Node, ctx: RuleContext): void;
}

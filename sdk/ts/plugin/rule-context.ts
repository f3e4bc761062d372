// What every process rule gets: the program, its type checker, and where to put what it finds.
import type ts from 'typescript';
import type { Finding } from './report.js';

export interface RuleContext {
  program: ts.Program;
  checker: ts.TypeChecker;
  report(finding: Finding): void;
}

/** A rule that looks at nodes of some kinds, as the walker meets them. */
export interface NodeRule {
  kinds: readonly ts.SyntaxKind[];
  check(node: ts.Node, ctx: RuleContext): void;
}

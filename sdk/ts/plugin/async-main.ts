// MF9008: an async `main`. TSTL's async functions run on its lualib promises: the entry calling main gets a Promise
// table back, so the process ends with exit code 0 whatever happened, and an error thrown inside main only rejects
// that promise, which nothing reads: the failure vanishes (checked: `throw` after a time.sleep in an async main
// exits 0, printing nothing). In a process nothing needs await: receive and time.sleep block the process itself.
import type * as TS from 'typescript';
import type { NodeRule, RuleContext } from './rule-context.js';

/** The name entries call by convention (`method: main`). */
const MAIN = 'main';

function isExported(ts: RuleContext['ts'], node: TS.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function isAsync(ts: RuleContext['ts'], node: TS.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
}

function report(ctx: RuleContext, name: TS.Node): void {
  ctx.report({
    rule: 'asyncMain',
    at: name,
    message: "an exported 'main' must not be async: the entry would get a Promise, exit with 0, and lose any error main throws",
    suggestion: 'remove `async`: in a process, receive and time.sleep block without await, and a plain main returns its result and fails with its error',
  });
}

export const asyncMain: NodeRule = {
  kinds: (ts) => [ts.SyntaxKind.FunctionDeclaration, ts.SyntaxKind.VariableStatement],
  check(node: TS.Node, ctx: RuleContext) {
    const ts = ctx.ts;
    if (!isExported(ts, node)) return;
    if (ts.isFunctionDeclaration(node)) {
      if (node.name?.text === MAIN && isAsync(ts, node)) report(ctx, node.name);
      return;
    }
    for (const d of (node as TS.VariableStatement).declarationList.declarations) {
      const init = d.initializer;
      const fn = init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : undefined;
      if (ts.isIdentifier(d.name) && d.name.text === MAIN && fn && isAsync(ts, fn)) report(ctx, d.name);
    }
  },
};

// MF9001: `break` or `continue` that would leave a try block or a catch clause. TSTL 1.37.1 compiles both to Lua
// functions (the try block runs under pcall, the catch clause is a local function), so the jump lands in a function
// with no loop: luaparse rejects "no loop to break" / "no visible label" (TypeScriptToLua#1598, open). A finally
// block is emitted inline, so jumps out of it are fine; so are jumps whose loop or switch is inside the try.
import type * as TS from 'typescript';
import type { NodeRule, RuleContext, TsApi } from './rule-context.js';

/** Where the flag of the suggestion is set, for each boundary. */
const FLAGGED = {
  try: 'try { ...; stop = true; } catch (e) { ... }',
  catch: 'try { ... } catch (e) { ...; stop = true; }',
} as const;

/** The closure boundary between a jump and its target, if there is one. */
function closureCrossed(ts: TsApi, jump: TS.BreakOrContinueStatement): 'try' | 'catch' | undefined {
  const isBreak = jump.kind === ts.SyntaxKind.BreakStatement;
  let crossed: 'try' | 'catch' | undefined;
  for (let n: TS.Node = jump; n.parent !== undefined; n = n.parent) {
    const parent = n.parent;
    if (ts.isIterationStatement(n, false) || (isBreak && ts.isSwitchStatement(n))) return crossed;
    if (ts.isFunctionLike(n)) return undefined;
    if (ts.isTryStatement(parent) && n === parent.tryBlock) crossed ??= 'try';
    if (ts.isCatchClause(n)) crossed ??= 'catch';
  }
  return undefined;
}

export const jumpOutOfTry: NodeRule = {
  kinds: (ts) => [ts.SyntaxKind.BreakStatement, ts.SyntaxKind.ContinueStatement],
  check(node: TS.Node, ctx: RuleContext) {
    const ts = ctx.ts;
    const jump = node as TS.BreakOrContinueStatement;
    if (jump.label) return; // a labelled jump is reported with its label (MF9002)
    const crossed = closureCrossed(ts, jump);
    if (!crossed) return;
    const word = jump.kind === ts.SyntaxKind.BreakStatement ? 'break' : 'continue';
    const block = crossed === 'try' ? 'a try block' : 'a catch clause';
    ctx.report({
      rule: 'jumpOutOfTry',
      at: jump,
      message: `'${word}' cannot leave ${block}: TSTL compiles ${block} to a Lua function, where a jump to the loop outside is invalid Lua`,
      suggestion:
        word === 'break'
          ? `set a flag inside the ${crossed} and break after the try statement: \`let stop = false; ${FLAGGED[crossed]} if (stop) break;\``
          : `wrap the rest of the ${crossed} in an \`if\` instead, or set a flag and continue after the try statement`,
    });
  },
};

// Syntax TSTL 1.37.1 accepts from the type checker but cannot compile, found before it tries:
// - MF9006, #private names (fields, methods, `#x in o`): its transformer throws "PrivateIdentifier is not supported",
//   which would end the build with TSTL's stack instead of a located error;
// - MF9007, `using` / `await using` declarations: TSTL emits `__TS__Using(callback, resource)` while the lualib
//   helper takes `(self, callback, ...)`, so the resource is called as the callback ("attempt to call a table value"
//   at run time), and an object literal as the resource crashes TSTL itself.
import type * as TS from 'typescript';
import type { NodeRule, RuleContext } from './rule-context.js';

export const privateNames: NodeRule = {
  kinds: (ts) => [ts.SyntaxKind.PrivateIdentifier],
  check(node: TS.Node, ctx: RuleContext) {
    const name = node as TS.PrivateIdentifier;
    // reported once, where the name is declared; its uses point back to that
    const parent = name.parent as TS.Node & { name?: TS.Node };
    if (parent.name !== name || ctx.ts.isPropertyAccessExpression(parent)) return;
    ctx.report({
      rule: 'privateName',
      at: name,
      message: `#private names are not supported: TSTL cannot compile '${name.text}'`,
      suggestion: `use TypeScript's \`private\` modifier instead (\`private ${name.text.slice(1)}\`): the checker keeps it private`,
    });
  },
};

export const usingDeclarations: NodeRule = {
  kinds: (ts) => [ts.SyntaxKind.VariableDeclarationList],
  check(node: TS.Node, ctx: RuleContext) {
    const ts = ctx.ts;
    const list = node as TS.VariableDeclarationList;
    if ((list.flags & ts.NodeFlags.Using) === 0) return; // `await using` has the Using bit too
    ctx.report({
      rule: 'usingDeclaration',
      at: list.getChildAt(0),
      message: "'using' declarations are not supported: TSTL 1.37.1 compiles them to a call that loses the resource's callback",
      suggestion: 'dispose of the resource yourself: `const r = open(); try { ... } finally { r[Symbol.dispose]() }`',
    });
  },
};

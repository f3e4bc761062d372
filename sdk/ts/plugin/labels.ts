// MF9002: labelled statements. TSTL 1.37.1 has no Lua form for them on any target (it stops with "Unsupported node
// kind LabeledStatement", TypeScriptToLua#391); this says what to write instead, at the label.
import type * as TS from 'typescript';
import type { NodeRule, RuleContext } from './rule-context.js';

export const labels: NodeRule = {
  kinds: (ts) => [ts.SyntaxKind.LabeledStatement],
  check(node: TS.Node, ctx: RuleContext) {
    const labelled = node as TS.LabeledStatement;
    ctx.report({
      rule: 'label',
      at: labelled.label,
      message: `labelled statements are not supported: TSTL cannot compile '${labelled.label.text}:' to Lua`,
      suggestion:
        'move the inner loop into a function and return from it, or set a flag in the inner loop and break the outer loop when it is set',
    });
  },
};

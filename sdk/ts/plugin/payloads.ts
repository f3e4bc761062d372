// MF9005: payloads that cannot cross processes, where the type checker can see them: the values after the topic of
// `process.send(pid, topic, ...)`, the arguments after the host of the `process.spawn*` family (both are copied into
// another process), and the payload types of the app's topic contracts (the Topics interface apps extend). The
// declarations can reject a function payload by themselves only for a declared topic; this covers every send.
import type * as TS from 'typescript';
import type { NodeRule, RuleContext, TsApi } from './rule-context.js';
import { whyNotSendable } from './sendable.js';

/** The `process` functions whose arguments from the third on travel to another process. */
const CROSSING = new Set(['send', 'spawn', 'spawn_linked', 'spawn_monitored', 'spawn_linked_monitored']);
const FIRST_CARRIED = 2;

/** The qualified name of the topic contract interface of the SDK's declarations (types/), which apps extend. */
const TOPICS_INTERFACE = 'Moonforge.Topics';

const SUGGESTION =
  'send plain data (strings, numbers, booleans, and arrays or objects of them); to be answered, send your pid (process.pid()) and a topic to reply on';

/** The name of a `process` namespace function the call resolves to, or undefined. */
function processFunctionName(call: TS.CallExpression, ctx: RuleContext): string | undefined {
  const ts = ctx.ts;
  const declaration = ctx.checker.getResolvedSignature(call)?.declaration;
  if (!declaration || !ts.isFunctionDeclaration(declaration) || !declaration.name) return undefined;
  const block = declaration.parent;
  if (!ts.isModuleBlock(block) || block.parent.name.text !== 'process') return undefined;
  return declaration.name.text;
}

function topicText(ts: TsApi, call: TS.CallExpression): string {
  const topic = call.arguments[1];
  return topic && ts.isStringLiteralLike(topic) ? ` on topic "${topic.text}"` : '';
}

function checkCall(call: TS.CallExpression, ctx: RuleContext): void {
  const name = processFunctionName(call, ctx);
  if (!name || !CROSSING.has(name)) return;
  const what = name === 'send' ? `the payload of process.send${topicText(ctx.ts, call)}` : `an argument of process.${name}`;
  call.arguments.slice(FIRST_CARRIED).forEach((arg) => {
    const why = whyNotSendable(ctx.ts, ctx.checker, ctx.checker.getTypeAtLocation(arg), 'the value');
    if (!why) return;
    ctx.report({
      rule: 'payload',
      at: arg,
      message: `${what} cannot cross processes: ${why}`,
      suggestion: SUGGESTION,
    });
  });
}

function checkContract(contract: TS.InterfaceDeclaration, ctx: RuleContext): void {
  const symbol = ctx.checker.getSymbolAtLocation(contract.name);
  if (!symbol || ctx.checker.getFullyQualifiedName(symbol) !== TOPICS_INTERFACE) return;
  for (const member of contract.members) {
    if (!ctx.ts.isPropertySignature(member) || !member.type) continue;
    const topic = member.name.getText();
    const why = whyNotSendable(ctx.ts, ctx.checker, ctx.checker.getTypeFromTypeNode(member.type), 'the payload');
    if (!why) continue;
    ctx.report({
      rule: 'payload',
      at: member,
      message: `the payload of topic ${topic} cannot cross processes: ${why}`,
      suggestion: SUGGESTION,
    });
  }
}

export const payloads: NodeRule = {
  kinds: (ts) => [ts.SyntaxKind.CallExpression, ts.SyntaxKind.InterfaceDeclaration],
  check(node: TS.Node, ctx: RuleContext) {
    if (ctx.ts.isCallExpression(node)) checkCall(node, ctx);
    else checkContract(node as TS.InterfaceDeclaration, ctx);
  },
};

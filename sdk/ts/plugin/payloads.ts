// MF9005: payloads that cannot cross processes, where the type checker can see them: the values a call hands to
// another process (the payload of `process.send`, the arguments of the spawn family and `process.exec`, of a
// Spawner's spawn methods and `with_message`, of `funcs.call` / `funcs.async` and an Executor's, which run the
// function entry in a process of its own), and the payload types of the app's topic contracts (the Topics interface
// apps extend). The declarations reject a bad payload by themselves only for a declared topic; this covers every call.
import type * as TS from 'typescript';
import type { NodeRule, RuleContext, TsApi } from './rule-context.js';
import { whyNotSendable } from './sendable.js';

/**
 * The SDK functions (types/) whose rest parameter travels to another process, by owner: a namespace or module of
 * functions called with `.`, or an interface of methods called with `:`.
 */
const CARRIERS: Record<string, ReadonlySet<string>> = {
  process: new Set(['send', 'spawn', 'spawn_linked', 'spawn_monitored', 'spawn_linked_monitored', 'exec']),
  'Moonforge.Spawner': new Set(['spawn', 'spawn_linked', 'spawn_monitored', 'spawn_linked_monitored', 'with_message']),
  funcs: new Set(['call', 'async']),
  'Moonforge.Executor': new Set(['call', 'async']),
};

/** The qualified name of the topic contract interface of the SDK's declarations (types/), which apps extend. */
const TOPICS_INTERFACE = 'Moonforge.Topics';

const SUGGESTION =
  'send plain data (strings, numbers, booleans, and arrays or objects of them); to be answered, send your pid (process.pid()) and a topic to reply on';

interface Carrier {
  /** as the author wrote it: process.send, funcs.call, spawner:spawn */
  shown: string;
  /** the index of the first argument that travels (the rest parameter's) */
  first: number;
}

/** The carrier the call resolves to, or undefined for any other call. */
function carrierOf(call: TS.CallExpression, ctx: RuleContext): Carrier | undefined {
  const ts = ctx.ts;
  const declaration = ctx.checker.getResolvedSignature(call)?.declaration;
  if (!declaration || !(ts.isFunctionDeclaration(declaration) || ts.isMethodSignature(declaration))) return undefined;
  const name = declaration.name?.getText();
  const parent = declaration.parent;
  let owner: string | undefined;
  let shown: string | undefined;
  if (ts.isModuleBlock(parent)) {
    owner = parent.parent.name.text;
    shown = `${owner}.${name}`;
  } else if (ts.isInterfaceDeclaration(parent)) {
    const symbol = ctx.checker.getSymbolAtLocation(parent.name);
    owner = symbol && ctx.checker.getFullyQualifiedName(symbol);
    shown = `${parent.name.text.toLowerCase()}:${name}`;
  }
  if (!owner || !name || !CARRIERS[owner]?.has(name)) return undefined;
  const first = declaration.parameters.findIndex((p) => p.dotDotDotToken !== undefined);
  return first < 0 ? undefined : { shown: shown!, first };
}

function topicText(ts: TsApi, call: TS.CallExpression): string {
  const topic = call.arguments[1];
  return topic && ts.isStringLiteralLike(topic) ? ` on topic "${topic.text}"` : '';
}

function checkCall(call: TS.CallExpression, ctx: RuleContext): void {
  const carrier = carrierOf(call, ctx);
  if (!carrier) return;
  const what = carrier.shown === 'process.send' ? `the payload of process.send${topicText(ctx.ts, call)}` : `an argument of ${carrier.shown}`;
  call.arguments.slice(carrier.first).forEach((arg) => {
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
    // a topic (`ping: Payload`) or a family of topics (`[reply: `reply.${number}`]: Payload`)
    const isTopic = ctx.ts.isPropertySignature(member) || ctx.ts.isIndexSignatureDeclaration(member);
    if (!isTopic || !member.type) continue;
    const topic = ctx.ts.isPropertySignature(member) ? member.name.getText() : member.parameters.map((p) => p.type?.getText()).join();
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
  inDeclarationFiles: true, // an app's topic contracts are often a topics.d.ts
  check(node: TS.Node, ctx: RuleContext) {
    if (ctx.ts.isCallExpression(node)) checkCall(node, ctx);
    else checkContract(node as TS.InterfaceDeclaration, ctx);
  },
};

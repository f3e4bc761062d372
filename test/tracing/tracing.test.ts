// OpenTelemetry tracing of processes (sdk/tracing/, docs/tracing.md), read back from an in-memory exporter: one trace
// follows a request and its reply across processes, a crash is an error on the spans with its message and traceback,
// a process spawned while handling a traced message is in that trace, and with tracing off nothing is traced and no
// message carries a trace field.
import { describe, expect, it } from 'vitest';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { entry, makeApp, type TestApp } from '../support/process-harness.js';
import { startTracing, type Tracing } from '../../sdk/tracing/start-tracing.js';
import type { Envelope, Proc } from '../../runtime/process/index.js';
import { indexYaml, writeApp } from '../support/app-folder.js';
import { runAppInProcess } from '../support/app-in-process.js';

const CLIENT = entry(`
  local server = ...
  local inbox = process.inbox()
  process.send(server, "request", "ping")
  return inbox:receive():payload():data()
`);

/** Answers one request; with `spawn`, spawns app:worker first, while handling it. */
const server = (spawn: boolean): ReturnType<typeof entry> =>
  entry(`
  local m = process.inbox():receive()
  ${spawn ? 'process.spawn("app:worker", "app:processes")' : ''}
  process.send(m:from(), "reply", "pong")
`);

interface Traced {
  app: TestApp;
  exporter: InMemorySpanExporter;
  tracing: Tracing;
}

async function traced(entries: Parameters<typeof makeApp>[0]): Promise<Traced> {
  const app = await makeApp(entries);
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return { app, exporter, tracing: startTracing(app.rt, { tracerProvider }) };
}

/** Spawns the server, then the client asking it; runs until both are done. */
function requestReply(app: TestApp): { client: Proc; server: Proc } {
  const server = app.rt.spawn('app:server', 'app:processes');
  const client = app.rt.spawn('app:client', 'app:processes', [server.pid]);
  app.settle();
  return { client, server };
}

const byName = (spans: ReadableSpan[], name: string, pid?: string): ReadableSpan => {
  const found = spans.filter((s) => s.name === name && (pid === undefined || s.attributes['moonforge.process.pid'] === pid));
  expect(found, `one span '${name}'`).toHaveLength(1);
  return found[0]!;
};
const id = (s: ReadableSpan): string => s.spanContext().spanId;
const traceOf = (s: ReadableSpan): string => s.spanContext().traceId;
const startNs = (s: ReadableSpan): number => s.startTime[0] * 1e9 + s.startTime[1];

describe('tracing', () => {
  it('a request and its reply are one trace: client lifetime, then the server handling the request, then the client handling the reply', async () => {
    const { app, exporter } = await traced({ 'app:client': CLIENT, 'app:server': server(false) });
    const { client, server: srv } = requestReply(app);
    const spans = exporter.getFinishedSpans();
    const clientLife = byName(spans, 'process app:client');
    const serverLife = byName(spans, 'process app:server');
    const request = byName(spans, 'receive request');
    const reply = byName(spans, 'receive reply');

    expect(clientLife.attributes).toMatchObject({ 'moonforge.process.pid': client.pid, 'moonforge.process.entry': 'app:client', 'moonforge.process.host': 'app:processes' });
    expect(clientLife.kind).toBe(SpanKind.INTERNAL);
    expect(clientLife.parentSpanContext).toBeUndefined();
    // the request is handled in the client's trace, as a child of what the client was doing when it sent it
    expect(traceOf(request)).toBe(traceOf(clientLife));
    expect(request.parentSpanContext?.spanId).toBe(id(clientLife));
    expect(request.kind).toBe(SpanKind.CONSUMER);
    expect(request.attributes).toMatchObject({ 'moonforge.process.pid': srv.pid, 'moonforge.message.from': client.pid, 'messaging.destination.name': 'request' });
    // the reply, sent while handling the request, continues it
    expect(traceOf(reply)).toBe(traceOf(clientLife));
    expect(reply.parentSpanContext?.spanId).toBe(id(request));
    expect(reply.attributes['moonforge.process.pid']).toBe(client.pid);
    expect(startNs(clientLife)).toBeLessThanOrEqual(startNs(request));
    expect(startNs(request)).toBeLessThanOrEqual(startNs(reply));
    // the server was spawned by the host, outside any trace: its lifetime is a trace of its own
    expect(traceOf(serverLife)).not.toBe(traceOf(clientLife));
    // a send is recorded by the receiver's span, not by an event of the sender's
    expect(spans.flatMap((s) => s.events)).toEqual([]);
    for (const s of spans) expect(s.status.code).not.toBe(SpanStatusCode.ERROR);
  });

  it('a crash sets an error status with the Lua error text on the lifetime and on the message being handled (the traceback: otlp-cli.test.ts)', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(`  - name: main
    kind: process.lua
    source: file://main.lua
    method: main
  - name: crasher
    kind: process.lua
    source: file://crasher.lua
    method: main
`),
      'src/main.lua': `return { main = function()
  local pid = process.spawn_monitored("app:crasher", "app:processes")
  process.send(pid, "request", "ping")
  local ev = process.events():receive()
  return ev.kind
end }
`,
      'src/crasher.lua': `local function handle(v)
  return v.field.x
end
return { main = function()
  local m = process.inbox():receive()
  handle({})
end }
`,
    });
    const exporter = new InMemorySpanExporter();
    const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const run = await runAppInProcess(dir, { exec: 'app:main', tracing: { tracerProvider } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const spans = exporter.getFinishedSpans();
    const life = byName(spans, 'process app:crasher');
    const request = byName(spans, 'receive request');
    for (const s of [life, request]) {
      expect(s.status.code).toBe(SpanStatusCode.ERROR);
      expect(s.status.message).toContain("crasher.lua:2: attempt to index a nil value (field 'field')");
      const exception = s.events.find((e) => e.name === 'exception');
      expect(exception?.attributes?.['exception.message']).toBe(s.status.message);
    }
    // the crash happened handling the root's request: one trace from the root's lifetime to the failure
    const main = byName(spans, 'process app:main');
    expect(traceOf(life)).toBe(traceOf(main));
    expect(life.parentSpanContext?.spanId).toBe(id(main));
    expect(request.parentSpanContext?.spanId).toBe(id(main));
    expect(main.status.code).not.toBe(SpanStatusCode.ERROR);
  });

  it('a process spawned while handling a traced message continues that trace, as a child of the handling', async () => {
    const worker = entry(`return "done"`);
    const { app, exporter } = await traced({ 'app:client': CLIENT, 'app:server': server(true), 'app:worker': worker });
    const { server: srv } = requestReply(app);
    const spans = exporter.getFinishedSpans();
    const request = byName(spans, 'receive request');
    const workerLife = byName(spans, 'process app:worker');
    expect(traceOf(workerLife)).toBe(traceOf(request));
    expect(workerLife.parentSpanContext?.spanId).toBe(id(request));
    expect(workerLife.attributes['moonforge.process.parent']).toBe(srv.pid);
  });

  it('a monitor handling the EXIT of a process that failed handling a request is in that request\'s trace', async () => {
    const main = entry(`
      local pid = process.spawn_monitored("app:crasher", "app:processes")
      process.send(pid, "request", "ping")
      local ev = process.events():receive()
      return ev.kind
    `);
    const crasher = entry(`
      local m = process.inbox():receive()
      error("failed on " .. m:payload():data())
    `);
    const { app, exporter } = await traced({ 'app:main': main, 'app:crasher': crasher });
    const p = app.rt.spawn('app:main', 'app:processes');
    app.settle();
    expect(p.alive).toBe(false);
    const spans = exporter.getFinishedSpans();
    const request = byName(spans, 'receive request');
    const exit = byName(spans, 'receive pid.exit');
    expect(request.status.code).toBe(SpanStatusCode.ERROR);
    expect(exit.attributes).toMatchObject({ 'moonforge.event.kind': 'pid.exit', 'moonforge.process.pid': p.pid, 'messaging.destination.name': '@events' });
    expect(exit.spanContext().traceId).toBe(traceOf(request));
    expect(exit.parentSpanContext?.spanId).toBe(id(request));
    expect(byName(spans, 'process app:main').status.code).not.toBe(SpanStatusCode.ERROR);
  });

  it('a process LINK_DOWN kills links its spans to the failure that killed it', async () => {
    // main (linked to the crasher, not trapping links) is handling "go" when the crasher fails handling "request"
    const main = entry(`
      local inbox = process.inbox()
      local m = inbox:receive()
      local pid = process.spawn_linked("app:crasher", "app:processes")
      process.send(pid, "request", "ping")
      -- still handling go: waits on a channel of its own, not on its mailbox
      channel.new():receive()
    `);
    const crasher = entry(`
      local m = process.inbox():receive()
      error("failed on " .. m:payload():data())
    `);
    const { app, exporter } = await traced({ 'app:main': main, 'app:crasher': crasher });
    const p = app.rt.spawn('app:main', 'app:processes');
    app.rt.node.send(undefined, p, 'go', []);
    app.settle();
    expect(p.alive).toBe(false);
    const spans = exporter.getFinishedSpans();
    const request = byName(spans, 'receive request');
    const life = byName(spans, 'process app:main');
    const go = byName(spans, 'receive go');
    expect(life.status.code).toBe(SpanStatusCode.ERROR);
    // (go, from host code outside any trace, links to main's lifetime too, as such a handling does)
    for (const s of [life, go]) {
      const down = s.links.filter((l) => l.attributes?.['moonforge.link.down.from'] !== undefined);
      expect(down.map((l) => [l.context.traceId, l.context.spanId, l.attributes?.['moonforge.link.down.from']]), s.name).toEqual([
        [traceOf(request), id(request), byName(spans, 'process app:crasher').attributes['moonforge.process.pid']],
      ]);
    }
  });

  it('a handling ends when the process waits on its mailbox again, in a select too, not at the next message', async () => {
    const looper = entry(`
      local inbox = process.inbox()
      local other = channel.new()
      inbox:receive()
      local r = channel.select({ other:case_receive(), inbox:case_receive() })
      return r.value:topic()
    `);
    const { app, exporter } = await traced({ 'app:looper': looper });
    const p = app.rt.spawn('app:looper', 'app:processes');
    app.settle();
    app.rt.node.send(undefined, p, 'one', []);
    app.settle();
    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['receive one']);
    app.rt.node.send(undefined, p, 'two', []);
    app.settle();
    expect(p.alive).toBe(false);
    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['receive one', 'receive two', 'process app:looper']);
  });

  it('stop ends the spans of processes still alive and leaves later messages untraced', async () => {
    const waiter = entry(`process.inbox():receive() ; process.inbox():receive()`);
    const { app, exporter, tracing } = await traced({ 'app:waiter': waiter });
    const p = app.rt.spawn('app:waiter', 'app:processes');
    app.settle();
    app.rt.node.send(undefined, p, 'first', []);
    app.settle();
    // waiting on its inbox again, the process is done with 'first': that span is over, its lifetime is not
    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['receive first']);
    tracing.stop();
    const names = exporter.getFinishedSpans().map((s) => s.name);
    expect(names.sort()).toEqual(['process app:waiter', 'receive first']);
    // a message from the host outside any trace starts a trace of its own, linked to the process's lifetime
    const first = byName(exporter.getFinishedSpans(), 'receive first');
    const life = byName(exporter.getFinishedSpans(), 'process app:waiter');
    expect(first.parentSpanContext).toBeUndefined();
    expect(first.links.map((l) => l.context.spanId)).toEqual([id(life)]);
    const seen = watchDeliveries(app);
    app.rt.node.send(undefined, p, 'second', []);
    app.settle();
    expect(seen.map((e) => e.topic)).toEqual(['second']);
    expect('trace' in seen[0]!).toBe(false);
    expect(exporter.getFinishedSpans()).toHaveLength(2);
  });
});

/** Every envelope delivered on the node from now on, as the mailboxes hand them to the observers. */
function watchDeliveries(app: TestApp): Envelope[] {
  const seen: Envelope[] = [];
  app.rt.node.observe({ delivered: (_to, env) => seen.push(env) });
  return seen;
}

describe('tracing off', () => {
  it('no span is made and no message carries a trace field', async () => {
    const app = await makeApp({ 'app:client': CLIENT, 'app:server': server(true), 'app:worker': entry(`return 1`) });
    const exporter = new InMemorySpanExporter();
    // a provider exists, but tracing was never started on this runtime
    new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).getTracer('unused');
    const seen = watchDeliveries(app);
    const { client } = requestReply(app);
    expect(seen.map((e) => e.topic)).toEqual(['request', 'reply']);
    for (const env of seen) {
      expect('trace' in env).toBe(false);
      expect(Object.keys(env)).not.toContain('trace');
    }
    expect(client.alive).toBe(false);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it('a runtime never traced has no observer at all: every report point is one undefined check', async () => {
    const app = await makeApp({ 'app:client': CLIENT, 'app:server': server(false) });
    requestReply(app);
    expect(app.rt.node.observer).toBeUndefined();
  });
});

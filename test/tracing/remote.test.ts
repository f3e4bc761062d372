// A trace across nodes: two nodes joined by the remote layer (runtime/distrib/remote.ts) over an in-memory transport
// whose frames go through the frame codec as bytes, each node traced into the same in-memory exporter. A request
// sent to a process on the other node is handled there as a child of the sender's span, and the reply back again.
import { describe, expect, it } from 'vitest';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { entry, makeApp, type TestApp } from '../support/process-harness.js';
import { decodeFrame, encodeFrame, type PeerTransport } from '../../runtime/distrib/peer.js';
import type { ExitResult, Proc } from '../../runtime/process/proc.js';
import type { ProcessObserver } from '../../runtime/process/observe.js';
import { startTracing } from '../../sdk/tracing/start-tracing.js';
import { joinPair, LoopbackNet } from '../distrib/loopback.js';


/** A transport end whose frames cross as the codec's bytes, as over NATS or a worker's port. */
function encoded(end: PeerTransport): PeerTransport {
  return {
    self: end.self,
    send: (to, frame) => end.send(to, decodeFrame(encodeFrame(frame))),
    onFrame: (h) => end.onFrame(h),
    onPeerDown: (h) => end.onPeerDown(h),
  };
}

/** Runs `app:main` on node a of two traced nodes (host app:remote is node b's); its result and the spans. */
async function runTwoNodes(entries: Record<string, ReturnType<typeof entry>>, alsoWatch?: ProcessObserver<Proc>): Promise<{ result: ExitResult | undefined; spans: ReadableSpan[] }> {
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const net = new LoopbackNet();
  const apps: TestApp[] = [];
  for (let i = 0; i < 2; i++) {
    const app = await makeApp(entries, undefined, { pidSpace: { threads: 2, index: i }, hosts: new Set(['app:processes', 'app:remote']) });
    joinPair(app.rt.node, net, i as 0 | 1, encoded);
    startTracing(app.rt, { tracerProvider });
    // another observer beside the tracer (the inspector's place): the spawn's question still reaches the tracer
    if (alsoWatch !== undefined && i === 0) app.rt.node.observe(alsoWatch);
    apps.push(app);
  }
  let result: ExitResult | undefined;
  const main = apps[0]!.rt.spawn('app:main', 'app:processes');
  main.onExit.push((r) => (result = r));
  for (let k = 0; k < 100 && result === undefined; k++) {
    for (const a of apps) a.settle();
    net.pump();
  }
  for (const a of apps) a.settle();
  return { result, spans: exporter.getFinishedSpans() };
}

/** The one finished span named `name`. */
function one(spans: ReadableSpan[], name: string): ReadableSpan {
  const found = spans.filter((s) => s.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
}

describe('tracing across nodes', () => {
  it('a request to a process on another node and its reply are one trace', async () => {
    const entries = {
      'app:main': entry(`
        local w = process.spawn("app:echo", "app:remote")
        process.send(w, "ping", 1)
        return process.inbox():receive():payload():data()`),
      'app:echo': entry(`
        local m = process.inbox():receive()
        process.send(m:from(), "pong", m:payload():data() + 1)`),
    };
    const { result, spans } = await runTwoNodes(entries);
    expect(result?.value).toBe(2);
    const life = one(spans, 'process app:main');
    const ping = one(spans, 'receive ping');
    const pong = one(spans, 'receive pong');
    expect(ping.attributes['moonforge.process.pid']).toMatch(/^\{app:remote\|/);
    expect(ping.spanContext().traceId).toBe(life.spanContext().traceId);
    expect(ping.parentSpanContext?.spanId).toBe(life.spanContext().spanId);
    expect(ping.parentSpanContext?.isRemote).toBe(true);
    expect(pong.spanContext().traceId).toBe(life.spanContext().traceId);
    expect(pong.parentSpanContext?.spanId).toBe(ping.spanContext().spanId);
    // the spawn carried the spawner's context: the remote child's lifetime is in the spawner's trace
    const echo = one(spans, 'process app:echo');
    expect(echo.attributes['moonforge.process.pid']).toMatch(/^\{app:remote\|/);
    expect(echo.spanContext().traceId).toBe(life.spanContext().traceId);
    expect(echo.parentSpanContext?.spanId).toBe(life.spanContext().spanId);
    expect(echo.parentSpanContext?.isRemote).toBe(true);
  });

  it('a process spawned on another node while a message is handled hangs under that handling, and its EXIT comes back in its trace', async () => {
    const entries = {
      'app:main': entry(`
        local s = process.spawn("app:server", "app:processes")
        process.send(s, "go", 20)
        return process.inbox():receive():payload():data()`),
      'app:server': entry(`
        local m = process.inbox():receive()
        local c = process.with_context({}):with_message("add", 1):spawn_monitored("app:child", "app:remote", m:payload():data())
        local e = process.events():receive()
        process.send(m:from(), "done", e.result.value)`),
      'app:child': entry(`
        local n = ...
        local m = process.inbox():receive()
        return n + m:payload():data()`),
    };
    const seen: string[] = [];
    const { result, spans } = await runTwoNodes(entries, { spawned: (_p, _parent, id) => void seen.push(id) });
    expect(result?.value).toBe(21);
    expect(seen).toContain('app:server');
    const go = one(spans, 'receive go');
    const child = one(spans, 'process app:child');
    expect(child.spanContext().traceId).toBe(go.spanContext().traceId);
    expect(child.parentSpanContext?.spanId).toBe(go.spanContext().spanId);
    expect(child.parentSpanContext?.isRemote).toBe(true);
    // the message given with the spawn is handled in the spawner's trace too
    const add = one(spans, 'receive add');
    expect(add.spanContext().traceId).toBe(go.spanContext().traceId);
    expect(add.parentSpanContext?.spanId).toBe(go.spanContext().spanId);
    // the child's end comes back in its exit frame with where it ended: the EXIT is handled in the child's trace
    const exit = one(spans, 'receive pid.exit');
    expect(exit.spanContext().traceId).toBe(go.spanContext().traceId);
    // it ended handling "add": its EXIT continues that handling
    expect(exit.parentSpanContext?.spanId).toBe(add.spanContext().spanId);
    expect(exit.parentSpanContext?.isRemote).toBe(true);
  });
});

// Tracing across worker-thread hosts (issue 16's `workers: N`): with `--trace`, each worker thread traces its own
// processes with a provider made as the main thread's (sdk/tracing/worker-tracing.ts), to the same collector, and the
// trace context crosses threads in the send and spawn frames. A request the root sends to a process on one worker,
// which asks a process on the other worker, is one trace from the root's lifetime to the last reply. Here the
// collector is a local server reading the OTLP/HTTP exporter's JSON (test/support/otlp-collector.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basename } from 'node:path';
import { writeApp } from '../support/app-folder.js';
import { attr, startOtlpCollector, type OtlpCollector, type OtlpSpan } from '../support/otlp-collector.js';
import { runApp } from '../../sdk/run-app.js';
import { threadOf } from '../../runtime/distrib/pid-space.js';

let collector: OtlpCollector;
beforeAll(async () => {
  collector = await startOtlpCollector();
});
afterAll(() => collector.close());

const APP = {
  'src/_index.yaml': `version: "1.0"
namespace: app
entries:
  - name: processes
    kind: process.host
  - name: pool
    kind: process.host
    workers: 2
  - { name: main, kind: process.lua, source: file://main.lua, method: main }
  - { name: asker, kind: process.lua, source: file://asker.lua, method: main }
  - { name: answerer, kind: process.lua, source: file://answerer.lua, method: main }
`,
  // two spawns on the pool go to its two workers in turn
  'src/main.lua': `return { main = function()
  local answerer = process.spawn("app:answerer", "app:pool")
  local asker = process.spawn("app:asker", "app:pool")
  process.send(asker, "go", answerer)
  print(process.inbox():receive():payload():data())
end }
`,
  'src/asker.lua': `return { main = function()
  local inbox = process.inbox()
  local m = inbox:receive()
  process.send(m:payload():data(), "ping", 1)
  local answer = inbox:receive():payload():data()
  process.send(m:from(), "done", answer)
end }
`,
  'src/answerer.lua': `return { main = function()
  local m = process.inbox():receive()
  process.send(m:from(), "pong", m:payload():data() + 1)
end }
`,
};

describe('tracing with worker-thread hosts', () => {
  it('a ping from a process on one worker to one on the other is one trace from the root', async () => {
    const dir = writeApp(APP);
    const out: string[] = [];
    const err: string[] = [];
    const code = await runApp(dir, { exec: 'app:main', trace: true, traceOtlp: collector.url, stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
    expect(err.join('')).toBe('');
    expect(out.join('')).toBe('2\n');
    expect(code).toBe(0);
    const spans = collector.spansSince(0);
    // every thread's spans are the app's service
    expect(new Set(spans.map((s) => s.service))).toEqual(new Set([basename(dir)]));
    const named = (name: string): OtlpSpan => {
      const found = spans.filter((s) => s.span.name === name);
      expect(found, name).toHaveLength(1);
      return found[0]!.span;
    };
    const root = named('process app:main');
    const asker = named('process app:asker');
    const answerer = named('process app:answerer');
    const go = named('receive go');
    const ping = named('receive ping');
    const pong = named('receive pong');
    const done = named('receive done');
    // the two pool processes run on the two workers (threads 1 and 2 of 3)
    const threadOfSpan = (s: OtlpSpan): number | undefined => threadOf(attr(s.attributes, 'moonforge.process.pid') ?? '', 3);
    expect(new Set([threadOfSpan(asker), threadOfSpan(answerer)])).toEqual(new Set([1, 2]));
    expect(threadOfSpan(go)).toBe(threadOfSpan(asker));
    expect(threadOfSpan(ping)).toBe(threadOfSpan(answerer));
    for (const s of [asker, answerer, go, ping, pong, done]) expect(s.traceId, s.name).toBe(root.traceId);
    // spawned from the main thread: the workers' lifetimes are children of the root's
    expect(asker.parentSpanId).toBe(root.spanId);
    expect(answerer.parentSpanId).toBe(root.spanId);
    // worker to worker and back
    expect(go.parentSpanId).toBe(root.spanId);
    expect(ping.parentSpanId).toBe(go.spanId);
    expect(pong.parentSpanId).toBe(ping.spanId);
    expect(done.parentSpanId).toBe(pong.spanId);
  }, 30_000);
});

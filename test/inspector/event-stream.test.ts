// The event stream's rules (sdk/inspector/event-stream.ts) without sockets: one write per flush, at most
// MESSAGES_PER_FLUSH messages in it (the rest, and those a busy window did not record, counted in a `skipped` event),
// events in seq order, the same events as one batch for a client that asks for batches, and a client that does not
// keep up (more than MAX_UNSENT bytes unsent) dropped instead of buffered for; a busy stream read by pages only
// written every BUSY_FLUSH_MS. And what the recorder's ring keeps of
// the messages it streams: every message's ends and topic, the payloads of a busy window's newest ones only.
import { describe, expect, it, vi } from 'vitest';
import type { ServerResponse } from 'node:http';
import { makeApp } from '../support/process-harness.js';
import { MESSAGE_RING, PREVIEWS_PER_WINDOW, Recorder } from '../../sdk/inspector/recorder.js';
import { BUSY_FLUSH_MS, EventStream, FLUSH_MS, MAX_UNSENT, MESSAGES_PER_FLUSH } from '../../sdk/inspector/event-stream.js';

const PINGER = `
local function main(n)
  local inbox = process.inbox()
  local peer = process.spawn("app:echo", "app:processes")
  for i = 1, n do
    process.send(peer, "ping", i)
    inbox:receive()
  end
end
return { main = main }
`;
const ECHO = `
local function main()
  local inbox = process.inbox()
  while true do
    local m = inbox:receive()
    process.send(m:from(), "pong", m:payload():data())
  end
end
return { main = main }
`;

/** A response that keeps what is written, and says it has `unsent` bytes queued. */
function fakeClient(unsent = 0): ServerResponse & { writes: string[]; destroyed: boolean } {
  const c = {
    writes: [] as string[],
    destroyed: false,
    writableLength: unsent,
    writeHead: () => c,
    write: (s: string) => (c.writes.push(s), true),
    on: () => c,
    end: () => {},
    destroy: () => {
      c.destroyed = true;
    },
  };
  return c as unknown as ServerResponse & { writes: string[]; destroyed: boolean };
}

const events = (chunk: string): any[] =>
  chunk
    .split('\n\n')
    .filter((p) => p.startsWith('id: '))
    .map((p) => JSON.parse(p.slice(p.indexOf('data: ') + 6)));

describe('inspector event stream', () => {
  it('sends one chunk per flush, in seq order, with at most MESSAGES_PER_FLUSH messages and the rest counted', async () => {
    const app = await makeApp({ 'app:pinger': { source: PINGER }, 'app:echo': { source: ECHO } });
    const rec = new Recorder(app.rt.node);
    app.rt.node.observe(rec);
    const stream = new EventStream(app.rt.node, rec, () => ['app:processes']);
    const client = fakeClient();
    const batched = fakeClient();
    stream.add(client);
    stream.add(batched, true);
    // 5000 messages in one window: MESSAGE_RING of them recorded, all counted
    app.rt.spawn('app:pinger', 'app:processes', [2500]);
    app.settle();
    expect(rec.messageCount).toBe(MESSAGE_RING);
    expect(rec.messageTotal).toBe(5000);
    client.writes.length = 0;
    batched.writes.length = 0;
    stream.flush();
    stream.close();
    expect(client.writes).toHaveLength(1);
    const sent = events(client.writes[0]!);
    // the batch client: the same events, in one SSE message whose id is the last one's seq
    expect(batched.writes).toHaveLength(1);
    const batch = batched.writes[0]!;
    expect(batch.split('\n\n').filter((p) => p !== '')).toHaveLength(1);
    expect(batch.startsWith(`id: ${sent.at(-1).seq}\ndata: [`)).toBe(true);
    expect(events(batch)[0]).toEqual(sent);
    const seqs = sent.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const messages = sent.filter((e) => e.type === 'message');
    expect(messages).toHaveLength(MESSAGES_PER_FLUSH);
    // the newest recorded ones: the last pong recorded before the window's budget ran out comes last
    expect(messages.at(-1).message).toMatchObject({ topic: 'pong', payload: String(MESSAGE_RING / 2) });
    expect(sent.find((e) => e.type === 'skipped').count).toBe(5000 - MESSAGES_PER_FLUSH);
    rec.close();
    expect(sent.filter((e) => e.type === 'spawn').map((e) => e.process.entry)).toEqual(['app:pinger', 'app:echo']);
    expect(sent.some((e) => e.type === 'exit' && e.exit.entry === 'app:pinger')).toBe(true);
    expect(sent.find((e) => e.type === 'hosts').hosts).toEqual([{ name: 'app:processes', runQueue: 0, processes: 1 }]);
  });

  it('writes a busy stream every BUSY_FLUSH_MS while only pages (batch clients) read it, every FLUSH_MS beside a plain client', async () => {
    expect(BUSY_FLUSH_MS).toBe(2 * FLUSH_MS);
    const app = await makeApp({ 'app:pinger': { source: PINGER }, 'app:echo': { source: ECHO } });
    vi.useFakeTimers();
    try {
      const rec = new Recorder(app.rt.node);
      app.rt.node.observe(rec);
      const stream = new EventStream(app.rt.node, rec, () => ['app:processes']);
      // more messages than a flush carries before every tick: the stream stays busy
      const busyTick = () => {
        app.rt.spawn('app:pinger', 'app:processes', [1000]);
        app.settle();
        vi.advanceTimersByTime(FLUSH_MS);
      };
      const page = fakeClient();
      stream.add(page, true);
      page.writes.length = 0;
      busyTick();
      expect(page.writes).toHaveLength(1);
      busyTick();
      expect(page.writes).toHaveLength(1);
      busyTick();
      expect(page.writes).toHaveLength(2);
      // what the skipped tick held comes in the next flush: every message of the three ticks sent or counted
      const sent = page.writes.flatMap((w) => events(w)[0] as any[]);
      const messages = sent.filter((e) => e.type === 'message').length;
      const skipped = sent.filter((e) => e.type === 'skipped').reduce((n, e) => n + e.count, 0);
      expect(messages + skipped).toBe(3 * 2000);
      const plain = fakeClient();
      stream.add(plain);
      plain.writes.length = 0;
      busyTick();
      busyTick();
      expect(plain.writes).toHaveLength(2);
      expect(page.writes).toHaveLength(4);
      stream.close();
      rec.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('drops a client that does not keep up', async () => {
    const app = await makeApp({ 'app:pinger': { source: PINGER }, 'app:echo': { source: ECHO } });
    const rec = new Recorder(app.rt.node);
    app.rt.node.observe(rec);
    const stream = new EventStream(app.rt.node, rec, () => ['app:processes']);
    const slow = fakeClient(MAX_UNSENT + 1);
    const fast = fakeClient();
    stream.add(slow);
    stream.add(fast);
    app.rt.spawn('app:pinger', 'app:processes', [3]);
    app.settle();
    stream.flush();
    expect(slow.destroyed).toBe(true);
    expect(fast.destroyed).toBe(false);
    expect(stream.clientCount).toBe(1);
    stream.close();
    rec.close();
  });

  it("keeps every recorded message's ends and topic, and the payloads of a busy window's newest messages only", async () => {
    const app = await makeApp({ 'app:pinger': { source: PINGER }, 'app:echo': { source: ECHO } });
    const rec = new Recorder(app.rt.node);
    app.rt.node.observe(rec);
    // a quiet window: every payload kept
    app.rt.spawn('app:pinger', 'app:processes', [50]);
    app.settle();
    const quiet = rec.messages(0, MESSAGE_RING);
    expect(quiet).toHaveLength(100);
    expect(quiet.map((m) => m.payload)).toEqual(Array.from({ length: 100 }, (_, i) => String(Math.floor(i / 2) + 1)));
    // a busy one (still the same window): the ring is full, its newest PREVIEWS_PER_WINDOW with their payloads
    app.rt.spawn('app:pinger', 'app:processes', [2500]);
    app.settle();
    const busy = rec.messages(0, MESSAGE_RING);
    rec.close();
    expect(busy).toHaveLength(MESSAGE_RING);
    expect(busy.every((m) => (m.topic === 'ping' || m.topic === 'pong') && m.from !== null && m.to !== m.from)).toBe(true);
    const kept = busy.filter((m) => m.payload !== undefined);
    expect(kept).toEqual(busy.slice(-PREVIEWS_PER_WINDOW));
    expect(kept.at(-1)).toMatchObject({ topic: 'pong', payload: String((MESSAGE_RING - 100) / 2) });
  });
});

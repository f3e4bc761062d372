// The worker threads' transport (runtime/distrib/port-transport.ts) over a MessageChannel in one thread: frames in
// order, batched per turn, every field kept (a send's trace context too), strings numbered for the whole connection
// (one message per batch, more strings than a table holds), the tasks a batch woke run in the port's event
// (runDeliveries with ProcessScheduler.runAfter), and a lost peer reported once, after its last frame, with the
// reason given for it. The batch format with a connection's string table (runtime/distrib/batch.ts).
import { describe, expect, it } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import { Buffer } from 'node:buffer';
import { PortTransport } from '../../runtime/distrib/port-transport.js';
import { FrameBatch, readFrames, StringTable } from '../../runtime/distrib/batch.js';
import { CodecError } from '../../runtime/distrib/bytes.js';
import { encodeValues } from '../../runtime/distrib/codec.js';
import { ProcessScheduler } from '../../runtime/process/scheduler.js';
import { Task, type TaskOwner } from '../../runtime/process/task.js';
import type { SchedulerLike } from 'rxjs';
import type { Frame } from '../../runtime/distrib/peer.js';

const pair = (): [PortTransport, PortTransport] => {
  const ch = new MessageChannel();
  const a = new PortTransport('a');
  const b = new PortTransport('b');
  a.addPeer('b', ch.port1);
  b.addPeer('a', ch.port2);
  return [a, b];
};

describe('PortTransport', () => {
  it('delivers frames in order with every field, a trace context included', async () => {
    const [a, b] = pair();
    const got: [string, Frame][] = [];
    b.onFrame((from, f) => got.push([from, f]));
    const sent: Frame[] = [];
    for (let i = 0; i < 500; i++) sent.push({ t: 'send', from: '{h|0x00001}', to: '{h|0x00002}', topic: 'n', payloadBytes: encodeValues([i]) });
    sent.push({ t: 'send', from: '{h|0x00001}', to: '{h|0x00002}', topic: 't', payloadBytes: encodeValues(['x']), trace: { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: 1 } });
    sent.push({ t: 'exit', pid: '{h|0x00001}', resultBytes: encodeValues([1, undefined]) });
    for (const f of sent) expect(a.send('b', f)).toBe(true);
    expect(a.send('nobody', sent[0]!)).toBe(false);
    await new Promise((r) => setTimeout(r, 50));
    expect(got.map(([from]) => from).every((f) => f === 'a')).toBe(true);
    expect(got.map(([, f]) => ({ ...f, ...('payloadBytes' in f ? { payloadBytes: [...f.payloadBytes] } : {}), ...('resultBytes' in f ? { resultBytes: [...f.resultBytes] } : {}) }))).toEqual(
      sent.map((f) => ({ ...f, ...('payloadBytes' in f ? { payloadBytes: [...f.payloadBytes] } : {}), ...('resultBytes' in f ? { resultBytes: [...f.resultBytes] } : {}) })),
    );
    a.close();
    b.close();
  });

  it('numbers strings for the whole connection: one message per batch, and past the size of a table', async () => {
    const [a, b] = pair();
    const got: Frame[] = [];
    b.onFrame((_from, f) => got.push(f));
    const sent: Frame[] = [];
    // a ping-pong's batches (one send each, the same pids), then 5000 pids: the table starts over on the way
    for (let i = 0; i < 3; i++) sent.push({ t: 'send', from: '{h|0x00001}', to: '{h|0x00002}', topic: 'ping', payloadBytes: encodeValues([i]) });
    for (let i = 0; i < 5000; i++) sent.push({ t: 'send', from: `{h|0x${i.toString(16)}}`, to: '{h|0x00002}', topic: 'n', payloadBytes: encodeValues([i]) });
    for (const [i, f] of sent.entries()) {
      a.send('b', f);
      // a flush per message at first and then every 100: batches of one frame and batches of many
      if (i < 3 || i % 100 === 0) a.flush();
    }
    a.flush();
    await new Promise((r) => setTimeout(r, 50));
    expect(got.length).toBe(sent.length);
    expect(got.map((f) => (f.t === 'send' ? `${f.from} ${f.to} ${f.topic} ${[...f.payloadBytes].join(',')}` : f.t))).toEqual(
      sent.map((f) => (f.t === 'send' ? `${f.from} ${f.to} ${f.topic} ${[...f.payloadBytes].join(',')}` : f.t)),
    );
    a.close();
    b.close();
  });

  it("runs the tasks a batch woke in the port's event, through runDeliveries, scheduling no turn for them", async () => {
    const [a, b] = pair();
    // a clock that records what is scheduled on it and never runs it: a task run here ran without a turn of its own
    const scheduled: number[] = [];
    const time = { now: () => 0, schedule: (_w: unknown, delay = 0) => void scheduled.push(delay) } as unknown as SchedulerLike;
    const sched = new ProcessScheduler(time);
    const ran: string[] = [];
    const owner: TaskOwner = { alive: true, taskDone: () => {}, taskFailed: (_t, e) => ran.push(`failed ${String(e)}`) };
    b.runDeliveries((deliver) => sched.runAfter(deliver));
    b.onFrame((_from, f) => {
      if (f.t !== 'send') return;
      ran.push(`delivered ${f.topic}`);
      const task = new Task(owner, (function* () {
        ran.push(`ran ${f.topic}`);
      })());
      sched.enqueue(task);
    });
    a.send('b', { t: 'send', from: 'x', to: 'y', topic: 'one', payloadBytes: encodeValues([]) });
    a.send('b', { t: 'send', from: 'x', to: 'y', topic: 'two', payloadBytes: encodeValues([]) });
    a.flush();
    await new Promise((r) => setTimeout(r, 50));
    // the whole batch is delivered, then its tasks run in order
    expect(ran).toEqual(['delivered one', 'delivered two', 'ran one', 'ran two']);
    expect(scheduled).toEqual([]);
    a.close();
    b.close();
  });

  it('a lost peer is reported once, after its last frame, with the reason given', async () => {
    const [a, b] = pair();
    const events: string[] = [];
    b.onFrame((_from, f) => events.push(f.t));
    b.onPeerDown((peer, reason) => events.push(`down ${peer}: ${reason}`));
    a.send('b', { t: 'cancel', from: 'x', to: 'y', reason: 'r' });
    a.flush();
    b.peerLost('a', 'worker thread killed');
    a.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toEqual(['cancel', 'down a: worker thread killed']);
    expect(b.send('a', { t: 'cancel', from: 'x', to: 'y', reason: '' })).toBe(false);
  });
});

describe("FrameBatch with a connection's StringTable", () => {
  const send = (i: number): Frame => ({ t: 'send', from: '{app:pool|0x00011}', to: '{app:pool|0x00022}', topic: 'pong', payloadBytes: encodeValues([i]) });
  const bytesOf = (batch: FrameBatch): Buffer => {
    const b = Buffer.from(batch.finish());
    batch.reset();
    return b;
  };

  it('a later batch names the strings an earlier one sent by number, which only the same table reads', () => {
    const out = new StringTable();
    const batch = new FrameBatch(new Uint8Array(0), 64, out);
    batch.add(send(1));
    const first = bytesOf(batch);
    batch.add(send(2));
    const second = bytesOf(batch);
    // the second holds no pid or topic text: a tag, three numbers, the payload
    expect(second.length).toBeLessThan(10);
    expect(second.toString('latin1')).not.toContain('app:pool');
    const table = new StringTable();
    const got: Frame[] = [];
    readFrames(first, (f) => got.push(f), table);
    readFrames(second, (f) => got.push(f), table);
    expect(got.map((f) => (f.t === 'send' ? [f.from, f.to, f.topic, [...f.payloadBytes]] : f.t))).toEqual([
      ['{app:pool|0x00011}', '{app:pool|0x00022}', 'pong', [...encodeValues([1])]],
      ['{app:pool|0x00011}', '{app:pool|0x00022}', 'pong', [...encodeValues([2])]],
    ]);
    // a batch's own numbering (the cluster's NATS messages) does not carry over
    expect(() => readFrames(second, () => {})).toThrow(CodecError);
  });

  it('without a table each batch numbers its own strings, also when reused', () => {
    const batch = new FrameBatch(new Uint8Array(0), 64);
    batch.add(send(1));
    const first = bytesOf(batch);
    batch.add(send(2));
    const second = bytesOf(batch);
    expect(second.length).toBe(first.length);
    const got: Frame[] = [];
    readFrames(second, (f) => got.push(f));
    expect(got.map((f) => (f.t === 'send' ? f.from : f.t))).toEqual(['{app:pool|0x00011}']);
  });
});

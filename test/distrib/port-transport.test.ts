// The worker threads' transport (runtime/distrib/port-transport.ts) over a MessageChannel in one thread: frames in
// order, batched per turn, every field kept (a send's trace context too), and a lost peer reported once, after its
// last frame, with the reason given for it.
import { describe, expect, it } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import { PortTransport } from '../../runtime/distrib/port-transport.js';
import { encodeValues } from '../../runtime/distrib/codec.js';
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

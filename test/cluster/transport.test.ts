// The NATS transport (runtime/cluster/nats-transport.ts) against a real nats-server on loopback: per-pair order of
// many frames in batches, a silent peer taken down within the bound and told to reset when it is heard again, a
// clean leave, a restart, a name already in use, and a node with wrong credentials refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { NatsClusterTransport, ClusterJoinError } from '../../runtime/cluster/index.js';
import { decode, encodeControl, frameBatch, Kind } from '../../runtime/cluster/wire.js';
import type { Frame } from '../../runtime/distrib/peer.js';
import { startNatsServer, type NatsServer } from './nats-server.js';

const AUTH = { user: 'mf', pass: 's3cret' };
let server: NatsServer;
const open: NatsClusterTransport[] = [];

beforeAll(async () => {
  server = await startNatsServer(['--user', AUTH.user, '--pass', AUTH.pass]);
});
afterAll(async () => {
  for (const t of open) await t.close();
  await server?.stop();
});

async function node(name: string, extra: { cluster?: string; expect?: number } = {}): Promise<NatsClusterTransport> {
  const t = await NatsClusterTransport.join({ node: name, servers: [server.url], auth: AUTH, heartbeatMs: 50, downAfterMs: 300, joinTimeoutMs: 3000, ...extra }, () => {});
  open.push(t);
  return t;
}

const until = async (cond: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('NATS cluster transport', () => {
  it('frames between two nodes arrive once each, in order, many to a batch', async () => {
    const a = await node('a1', { cluster: 'order' });
    const b = await node('b1', { cluster: 'order', expect: 2 });
    await until(() => a.isUp('b1'));
    const got: string[] = [];
    b.onFrame((from, f) => {
      expect(from).toBe('a1');
      if (f.t === 'name') got.push(f.name);
      // a send's pids and topic are written once per batch, then named by number: each must come back as itself
      else if (f.t === 'send') got.push(`${f.from} ${f.to} ${f.topic} ${Buffer.from(f.payloadBytes).toString('latin1')}`);
    });
    const N = 20000;
    const sendOf = (i: number): string => `{a1@app:h|0x0000${i % 3}} {b1@app:h|0x00001} t${i % 5}\xff ${i}`;
    for (let i = 0; i < N; i++) {
      const frame: Frame =
        i % 2 === 0
          ? { t: 'name', name: sendOf(i), pid: '{a1@app:h|0x00001}' }
          : { t: 'send', from: `{a1@app:h|0x0000${i % 3}}`, to: '{b1@app:h|0x00001}', topic: `t${i % 5}\xff`, payloadBytes: Buffer.from(String(i), 'latin1') };
      expect(a.send('b1', frame)).toBe(true);
      // a few turns of the event loop in between: several batches, not one
      if (i % 5000 === 4999) await new Promise((r) => setImmediate(r));
    }
    await until(() => got.length === N);
    expect(got.every((n, i) => n === sendOf(i))).toBe(true);
    expect(a.stats.batchesSent).toBeGreaterThanOrEqual(4);
    expect(a.stats.batchesSent).toBeLessThan(N / 100);
    // a peer of another cluster is not a peer
    expect(a.send('zz', { t: 'name', name: 'x' })).toBe(false);
  });

  it('a peer that goes silent is down within downAfterMs; its late batch is dropped, it rejoins and is told to reset', async () => {
    const a = await node('a2', { cluster: 'silent' });
    const events: string[] = [];
    a.onPeerDown((p, r) => events.push(`down ${p} ${r}`));
    a.onPeerUp((p) => events.push(`up ${p}`));
    // a peer made by hand: one heartbeat, then nothing
    const nc: NatsConnection = await connect({ servers: server.url, ...AUTH });
    const resets: string[] = [];
    nc.subscribe('mf.silent.to.mute', { callback: (_e, m) => void resets.push(decode(m.data).node) });
    await nc.flush();
    nc.publish('mf.silent.hb', encodeControl(Kind.Heartbeat, 'mute', 'inc1'));
    await until(() => a.isUp('mute'));
    const t0 = Date.now();
    await until(() => !a.isUp('mute'));
    const took = Date.now() - t0;
    expect(took).toBeLessThan(300 + 200);
    expect(a.send('mute', { t: 'name', name: 'x' })).toBe(false);
    // a batch of its old session arrives late: it revives the peer, is not delivered (its watchers were told it was
    // down), and the peer is told to reset; the next batch is delivered
    const got: string[] = [];
    a.onFrame((_p, f) => void (f.t === 'name' && got.push(f.name)));
    const batch = (name: string): Uint8Array => {
      const w = frameBatch('mute', 'inc1');
      w.add({ t: 'name', name });
      return w.finish();
    };
    nc.publish('mf.silent.to.a2', batch('late'));
    await until(() => a.isUp('mute') && resets.length === 1);
    nc.publish('mf.silent.to.a2', batch('fresh'));
    await until(() => got.length === 1);
    expect(got).toEqual(['fresh']);
    expect(a.stats.framesDropped).toBe(1);
    expect(resets).toEqual(['a2']);
    expect(events).toEqual(['up mute', 'down mute no heartbeat for 300 ms', 'up mute']);
    await nc.close();
  });

  it('a clean leave is seen at once; the same name restarted is a new node; a name in use is refused', async () => {
    const a = await node('a3', { cluster: 'life' });
    const events: string[] = [];
    a.onPeerDown((p, r) => events.push(`down ${p} ${r}`));
    a.onPeerUp((p) => events.push(`up ${p}`));
    const b = await node('b3', { cluster: 'life', expect: 2 });
    await until(() => a.isUp('b3'));
    await expect(node('b3', { cluster: 'life' })).rejects.toThrow(/node name 'b3' is already in use in cluster 'life'/);
    await b.close();
    await until(() => !a.isUp('b3'), 200);
    const b2 = await node('b3', { cluster: 'life', expect: 2 });
    await until(() => a.isUp('b3'));
    const got: Frame[] = [];
    b2.onFrame((_p, f) => got.push(f));
    a.send('b3', { t: 'output', stream: 1, text: 'hi' });
    await until(() => got.length === 1);
    expect(events).toEqual(['up b3', 'down b3 left the cluster', 'up b3']);
  });

  it('refuses bad options and wrong credentials before anything starts', async () => {
    await expect(NatsClusterTransport.join({ node: 'x.y', servers: [server.url] })).rejects.toThrow(ClusterJoinError);
    await expect(NatsClusterTransport.join({ node: 'x', servers: [server.url], auth: { user: 'mf', pass: 'wrong' }, joinTimeoutMs: 2000 }, () => {})).rejects.toThrow(
      /cannot join cluster 'moonforge' through nats:\/\/127\.0\.0\.1:\d+: .*[Aa]uthorization/,
    );
    await expect(NatsClusterTransport.join({ node: 'x', servers: [server.url], joinTimeoutMs: 2000 }, () => {})).rejects.toThrow(/[Aa]uthorization/);
  });
});

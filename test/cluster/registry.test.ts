// The registry's four scopes on embedded nodes joined through a nats-server (docs/cluster.md "Registry names"):
// LOCAL stays on its node; EVENTUAL reaches every node and a conflict between two nodes ends with one winner
// everywhere and the loser told; CONSISTENT/STRONG live in the server's JetStream store (first write wins, released
// when the owner exits, its node leaves or dies, stale entries of an earlier start swept); STRONG waits for every live
// node and is refused by a node holding the name; without JetStream, and on a standalone node, the cluster scopes
// answer as Wippy's module does without those registries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime } from '../../sdk/embed.js';
import { REPO_ROOT } from '../support/repo.js';
import { startNatsServer, type NatsServer } from './nats-server.js';

const APP = join(REPO_ROOT, 'test/cluster/registry-app');
const LOCAL = 0;
const EVENTUAL = 1;
const CONSISTENT = 2;
const STRONG = 3;

let js: NatsServer;
let plain: NatsServer;
let store: string;
beforeAll(async () => {
  store = mkdtempSync(join(tmpdir(), 'mf-js-'));
  js = await startNatsServer(['-js', '-sd', store]);
  plain = await startNatsServer();
});
afterAll(async () => {
  await js?.stop();
  await plain?.stop();
  rmSync(store, { recursive: true, force: true });
});

interface Node {
  rt: ReturnType<typeof createRuntime>;
  out: string[];
}

async function join_(node: string, server: NatsServer, cluster: string, more: { expect?: number; strongDeadlineMs?: number } = {}): Promise<Node> {
  const out: string[] = [];
  const rt = createRuntime({
    cluster: { node, servers: [server.url], cluster, heartbeatMs: 100, downAfterMs: 1000, ...more },
    write: (s: string) => void out.push(...s.split('\n').filter((l) => l !== '')),
  });
  await rt.cluster;
  await rt.loadApp(APP);
  return { rt, out };
}

async function until<T>(what: string, f: () => T | undefined | Promise<T | undefined>, ms = 3000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const line = (n: Node, prefix: string) => until(`'${prefix}'`, () => n.out.find((l) => l.startsWith(prefix)));
const lookup = async (n: Node, name: string) => (await n.rt.run('app:lookup', 'app:h', name)).value as string;
const lookupBecomes = (n: Node, name: string, want: string) =>
  until(`${name} -> ${want}`, async () => ((await lookup(n, name)) === want ? true : undefined));
const hold = (n: Node, name: string, scope: number) => n.rt.spawn('app:holder', 'app:h', name, scope);

describe('registry scopes in a cluster with JetStream', () => {
  it('LOCAL stays on its node; EVENTUAL reaches the others; CONSISTENT is one owner cluster-wide, released at exit', async () => {
    const b = await join_('b', js, 'reg1');
    const a = await join_('a', js, 'reg1', { expect: 2 });

    const loc = hold(a, 'loc', LOCAL);
    expect(await line(a, 'loc reg')).toBe('loc reg true ');
    expect(await lookup(a, 'loc')).toBe(loc);
    expect(await lookup(b, 'loc')).toBe('none NotFound');

    const ev = hold(a, 'ev', EVENTUAL);
    expect(await line(a, 'ev reg')).toBe('ev reg true ');
    await lookupBecomes(b, 'ev', ev);

    const co = hold(a, 'co', CONSISTENT);
    expect(await line(a, 'co reg')).toBe('co reg true ');
    await lookupBecomes(b, 'co', co);
    const other = hold(b, 'co', CONSISTENT);
    expect(await line(b, 'co reg')).toBe(`co reg nil AlreadyExists global name already registered ${co}`);
    // a name is reached by its name from every node
    expect(b.rt.send('co', 'hello')).toBe(true);
    expect(await line(a, 'co got')).toBe('co got hello');
    // only the owner releases it
    b.rt.send(other, 'unreg');
    expect(await line(b, 'co unreg')).toBe('co unreg false ');
    // the owner's exit releases it: another process can take it
    a.rt.send(co, 'stop');
    await lookupBecomes(b, 'co', 'none NotFound');
    const again = hold(b, 'co2', CONSISTENT);
    expect(await line(b, 'co2 reg')).toBe('co2 reg true ');
    await lookupBecomes(a, 'co2', again);
    b.rt.send(again, 'unreg');
    expect(await line(b, 'co2 unreg')).toBe('co2 unreg true ');
    await lookupBecomes(a, 'co2', 'none NotFound');

    // a cluster-wide name shadows a LOCAL one of another pid: a LOCAL register of it is refused
    hold(a, 'ev', LOCAL);
    expect(await until('second ev', () => a.out.filter((l) => l.startsWith('ev reg'))[1])).toBe(`ev reg nil AlreadyExists name already registered ${ev}`);

    // the node that leaves takes its names with it
    const bn = hold(b, 'bco', CONSISTENT);
    expect(await line(b, 'bco reg')).toBe('bco reg true ');
    await lookupBecomes(a, 'bco', bn);
    const t0 = Date.now();
    await b.rt.shutdown(100);
    await lookupBecomes(a, 'bco', 'none NotFound');
    await lookupBecomes(a, 'ev', ev);
    expect(Date.now() - t0).toBeLessThan(2000);
    await a.rt.shutdown(100);
  }, 20_000);

  it('STRONG: active once every node acknowledged; refused by a node holding the name', async () => {
    const b = await join_('b', js, 'reg2');
    const a = await join_('a', js, 'reg2', { expect: 2 });
    const st = hold(a, 'st', STRONG);
    expect(await line(a, 'st reg')).toBe('st reg true ');
    await lookupBecomes(b, 'st', st);
    // b holds "taken" in LOCAL: it rejects a's reservation, which is deleted
    hold(b, 'taken', LOCAL);
    expect(await line(b, 'taken reg')).toBe('taken reg true ');
    hold(a, 'taken', STRONG);
    expect(await line(a, 'taken reg')).toBe('taken reg nil AlreadyExists strong registration rejected by a required node nil');
    // the reservation is gone: a CONSISTENT register of the name works
    const c = hold(a, 'taken', CONSISTENT);
    expect(await until('second taken', () => a.out.filter((l) => l.startsWith('taken reg'))[1])).toBe('taken reg true ');
    await lookupBecomes(a, 'taken', c);
    await b.rt.shutdown(100);
    await a.rt.shutdown(100);
  }, 20_000);

  it('EVENTUAL conflict: one winner on every node, the loser told (revoked, or refused)', async () => {
    const b = await join_('b', js, 'reg3');
    const a = await join_('a', js, 'reg3', { expect: 2 });
    // both register in the same turn, before either hears of the other
    const pa = hold(a, 'dup', EVENTUAL);
    const pb = hold(b, 'dup', EVENTUAL);
    await line(a, 'dup reg');
    await line(b, 'dup reg');
    const winner = await until('one winner', async () => {
      const [x, y] = [await lookup(a, 'dup'), await lookup(b, 'dup')];
      return x === y && (x === pa || x === pb) ? x : undefined;
    });
    const [loser, loserNode] = winner === pa ? [pb, b] : [pa, a];
    expect(loser).not.toBe(winner);
    const told = await until('the loser told', () =>
      loserNode.out.find((l) => l === 'dup event pid.cancel name revoked: dup' || l.startsWith('dup reg nil AlreadyExists eventualreg: name already registered')),
    );
    expect(told).toBeDefined();
    await b.rt.shutdown(100);
    await a.rt.shutdown(100);
  }, 20_000);

  it("a node that dies without a word: its names go when it is seen down", async () => {
    const b = await join_('b', js, 'reg7');
    const a = await join_('a', js, 'reg7', { expect: 2 });
    const pc = hold(b, 'crash', CONSISTENT);
    const pe = hold(b, 'crashe', EVENTUAL);
    expect(await line(b, 'crash reg')).toBe('crash reg true ');
    expect(await line(b, 'crashe reg')).toBe('crashe reg true ');
    await lookupBecomes(a, 'crash', pc);
    await lookupBecomes(a, 'crashe', pe);
    // no goodbye, no deletes: the connection just ends (as a SIGKILL ends it)
    const t0 = Date.now();
    await (await b.rt.cluster)!.transport.connection.close();
    await b.rt.shutdown(100);
    await lookupBecomes(a, 'crash', 'none NotFound');
    await lookupBecomes(a, 'crashe', 'none NotFound');
    // down-after 1000 ms, heartbeat 100 ms
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(Date.now() - t0).toBeLessThan(2500);
    await a.rt.shutdown(100);
  }, 20_000);

  it("a node restarted at once: the old start's names go, the new start's stay", async () => {
    const a = await join_('a', js, 'reg8');
    const b1 = await join_('b', js, 'reg8', { expect: 2 });
    const p1 = hold(b1, 'old1', CONSISTENT);
    expect(await line(b1, 'old1 reg')).toBe('old1 reg true ');
    await lookupBecomes(a, 'old1', p1);
    await (await b1.rt.cluster)!.transport.connection.close();
    await b1.rt.shutdown(100);
    // the new start registers before a has seen the old one go (down-after is 1000 ms)
    const b2 = await join_('b', js, 'reg8', { expect: 2 });
    const p2 = hold(b2, 'new1', CONSISTENT);
    expect(await line(b2, 'new1 reg')).toBe('new1 reg true ');
    await lookupBecomes(a, 'old1', 'none NotFound');
    await lookupBecomes(a, 'new1', p2);
    // a second later (past down-after) the new start's name is still there
    await new Promise((r) => setTimeout(r, 1200));
    expect(await lookup(a, 'new1')).toBe(p2);
    await b2.rt.shutdown(100);
    await a.rt.shutdown(100);
  }, 20_000);

  it('a start sweeps the entries an earlier start of its name left behind', async () => {
    const first = await join_('s', js, 'reg4');
    hold(first, 'old', CONSISTENT);
    expect(await line(first, 'old reg')).toBe('old reg true ');
    // gone without a word (no peer saw it leave): its entry stays in the store
    await (await first.rt.cluster)!.transport.close();
    const second = await join_('s', js, 'reg4');
    const p = hold(second, 'old', CONSISTENT);
    expect(await line(second, 'old reg')).toBe('old reg true ');
    await lookupBecomes(second, 'old', p);
    await second.rt.shutdown(100);
    await first.rt.shutdown(100);
  }, 20_000);
});

describe('registry scopes without JetStream, and on a standalone node', () => {
  it('a cluster whose server has no JetStream has EVENTUAL but no CONSISTENT/STRONG', async () => {
    const b = await join_('b', plain, 'reg5');
    const a = await join_('a', plain, 'reg5', { expect: 2 });
    hold(a, 'g', CONSISTENT);
    expect(await line(a, 'g reg')).toBe('g reg nil Internal global registry not available nil');
    hold(a, 's', STRONG);
    expect(await line(a, 's reg')).toBe('s reg nil Internal global registry not available nil');
    const ev = hold(a, 'e', EVENTUAL);
    expect(await line(a, 'e reg')).toBe('e reg true ');
    await lookupBecomes(b, 'e', ev);
    await b.rt.shutdown(100);
    await a.rt.shutdown(100);
  }, 20_000);

  it('a standalone node has LOCAL only', async () => {
    const out: string[] = [];
    const rt = createRuntime({ write: (s: string) => void out.push(...s.split('\n').filter((l) => l !== '')) });
    await rt.loadApp(APP);
    const n = { rt, out };
    hold(n, 'e', EVENTUAL);
    expect(await line(n, 'e reg')).toBe('e reg nil Internal eventual registry not available nil');
    hold(n, 'c', CONSISTENT);
    expect(await line(n, 'c reg')).toBe('c reg nil Internal global registry not available nil');
    hold(n, 'l', 7); // not a cluster scope: LOCAL, as module.go falls through
    expect(await line(n, 'l reg')).toBe('l reg true ');
    await rt.shutdown(100);
  });
});

describe('STRONG deadline', () => {
  it('a live node that never acknowledges: the registration times out and names it', async () => {
    const { connect } = await import('@nats-io/transport-node');
    const { encodeControl, Kind } = await import('../../runtime/cluster/wire.js');
    // node z: a member that heartbeats and does nothing else
    const z = await connect({ servers: js.url });
    const beat = () => z.publish('mf.reg6.hb', encodeControl(Kind.Heartbeat, 'z', 'zzzzzzzzz1'));
    beat();
    const timer = setInterval(beat, 100);
    try {
      const a = await join_('a', js, 'reg6', { expect: 2, strongDeadlineMs: 300 });
      const t0 = Date.now();
      hold(a, 'st', STRONG);
      expect(await line(a, 'st reg')).toBe('st reg nil Timeout strong registration timed out before all live nodes acked nil');
      expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
      // the reservation is deleted: the name is free
      await lookupBecomes(a, 'st', 'none NotFound');
      const c = hold(a, 'st', CONSISTENT);
      expect(await until('second st', () => a.out.filter((l) => l.startsWith('st reg'))[1])).toBe('st reg true ');
      await lookupBecomes(a, 'st', c);
      await a.rt.shutdown(100);
    } finally {
      clearInterval(timer);
      await z.close();
    }
  }, 20_000);
});

// The EVENTUAL scope's rules without a network (runtime/cluster/eventual-names.ts): nodes whose frames are delivered
// in per-pair order but in any interleaving between pairs end with the same winner for every name, every overtaken
// holder is told once (CANCEL "name revoked: NAME"), a node that goes down loses its bindings everywhere, and a node
// that comes up learns every binding.
import { describe, expect, it } from 'vitest';
import { EventualNames } from '../../runtime/cluster/eventual-names.js';
import type { Frame } from '../../runtime/distrib/peer.js';
import type { ProcessNode } from '../../runtime/process/node.js';
import type { Proc } from '../../runtime/process/proc.js';

interface FakeProc {
  pid: string;
  onExit: (() => void)[];
}

/** A node as EventualNames sees it: its processes, its LOCAL names, and the CANCELs it delivered. */
class FakeNode {
  readonly procs = new Map<string, FakeProc>();
  readonly names = new Map<string, FakeProc>();
  readonly cancels: string[] = [];
  cancel(_from: undefined, p: FakeProc, reason: string): void {
    this.cancels.push(`${p.pid} ${reason}`);
  }
  spawn(pid: string): Proc {
    const p = { pid, onExit: [] };
    this.procs.set(pid, p);
    return p as unknown as Proc;
  }
  exit(p: Proc): void {
    this.procs.delete(p.pid);
    for (const f of (p as unknown as FakeProc).onExit) f();
  }
}

/** Nodes joined by queues, one per ordered pair (the transport's per-pair FIFO); `step` delivers one frame. */
function cluster(names: string[], downAtFirst: string[] = []) {
  const queues = new Map<string, Frame[]>();
  const up = new Set(names.filter((n) => !downAtFirst.includes(n)));
  const nodes = new Map<string, { node: FakeNode; reg: EventualNames }>();
  for (const self of names) {
    const node = new FakeNode();
    const reg = new EventualNames(node as unknown as ProcessNode, {
      self,
      send: (peer, f) => {
        if (!up.has(peer)) return false;
        const k = `${self}>${peer}`;
        queues.set(k, [...(queues.get(k) ?? []), f]);
        return true;
      },
      peers: () => [...up].filter((n) => n !== self),
      heldElsewhere: () => undefined,
    });
    nodes.set(self, { node, reg });
  }
  const deliver = (k: string) => {
    const q = queues.get(k)!;
    const f = q.shift()!;
    const [from, to] = k.split('>');
    if (up.has(to!)) nodes.get(to!)!.reg.applied(from!, f as Extract<Frame, { t: 'name' }>);
  };
  return {
    nodes,
    /** delivers every frame in flight, picking the pair by `pick` each time */
    drain(pick: (n: number) => number) {
      for (;;) {
        const busy = [...queues].filter(([, q]) => q.length > 0).map(([k]) => k);
        if (busy.length === 0) return;
        deliver(busy[pick(busy.length)]!);
      }
    },
    down(name: string) {
      up.delete(name);
      for (const k of queues.keys()) if (k.startsWith(`${name}>`) || k.endsWith(`>${name}`)) queues.delete(k);
      for (const [n, { reg }] of nodes) if (n !== name) reg.peerDown(name);
    },
    up(name: string) {
      up.add(name);
      for (const [n, { reg }] of nodes) if (n !== name) reg.peerUp(name);
    },
  };
}

/** A small deterministic generator (mulberry32), so a failing interleaving can be replayed by its seed. */
function rng(seed: number): (n: number) => number {
  let a = seed;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

describe('EVENTUAL registry names', () => {
  it('concurrent registers on three nodes converge to one winner per name, whatever the interleaving; each loser told once', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const c = cluster(['a', 'b', 'c']);
      const holders = new Map<string, Proc>();
      for (const [n, { node, reg }] of c.nodes) {
        for (const name of ['x', 'y', 'svc']) {
          const p = node.spawn(`{${n}@h|${name}}`);
          holders.set(p.pid, p);
          expect(reg.register(name, p)).toEqual({});
        }
      }
      c.drain(rng(seed));
      for (const name of ['x', 'y', 'svc']) {
        const seen = [...c.nodes.values()].map(({ reg }) => reg.lookup(name));
        expect(new Set(seen).size, `seed ${seed}, ${name}: ${seen}`).toBe(1);
        const winner = seen[0]!;
        // the two others were told, once each, and no one else
        const told = [...c.nodes.values()].flatMap(({ node }) => node.cancels).filter((l) => l.endsWith(`name revoked: ${name}`));
        expect(told.sort()).toEqual([...holders.keys()].filter((pid) => pid.endsWith(`|${name}}`) && pid !== winner).map((pid) => `${pid} name revoked: ${name}`).sort());
      }
    }
  });

  it('a register that would lose at once is refused with the winner; the same pid again is idempotent; only the holder unregisters', () => {
    const c = cluster(['a', 'b']);
    const a = c.nodes.get('a')!;
    const b = c.nodes.get('b')!;
    const pa = a.node.spawn('{a@h|1}');
    const pb = b.node.spawn('{b@h|1}');
    // whichever origin ranks higher for this name registers first; the other then asks
    a.reg.register('n', pa);
    c.drain(() => 0);
    const r = b.reg.register('n', pb);
    if (r.existing !== undefined) {
      expect(r.existing).toBe('{a@h|1}');
      expect(b.reg.lookup('n')).toBe('{a@h|1}');
    } else {
      // b's binding ranks higher: a's holder is revoked when the frame arrives
      c.drain(() => 0);
      expect(a.node.cancels).toEqual(['{a@h|1} name revoked: n']);
      expect(a.reg.lookup('n')).toBe('{b@h|1}');
    }
    const other = a.node.spawn('{a@h|2}');
    expect(a.reg.register('m', other)).toEqual({});
    expect(a.reg.register('m', other)).toEqual({});
    expect(a.reg.unregister('m', pa)).toBe(false);
    expect(a.reg.unregister('m', other)).toBe(true);
    c.drain(() => 0);
    expect(b.reg.lookup('m')).toBeUndefined();
  });

  it("a holder's exit releases its names everywhere; a node that goes down loses its bindings", () => {
    const c = cluster(['a', 'b', 'c']);
    const a = c.nodes.get('a')!;
    const b = c.nodes.get('b')!;
    const p = a.node.spawn('{a@h|1}');
    a.reg.register('gone', p);
    a.reg.register('kept', p);
    const q = b.node.spawn('{b@h|1}');
    b.reg.register('bname', q);
    c.drain(() => 0);
    expect(c.nodes.get('c')!.reg.lookup('gone')).toBe('{a@h|1}');
    a.node.exit(p);
    c.drain(() => 0);
    expect(c.nodes.get('c')!.reg.lookup('gone')).toBeUndefined();
    expect(c.nodes.get('c')!.reg.lookup('kept')).toBeUndefined();
    c.down('b');
    expect(a.reg.lookup('bname')).toBeUndefined();
    expect(c.nodes.get('c')!.reg.lookup('bname')).toBeUndefined();
  });

  it('a node that comes up learns every binding of the nodes up', () => {
    const c = cluster(['a', 'b', 'late'], ['late']);
    const a = c.nodes.get('a')!;
    a.reg.register('early', a.node.spawn('{a@h|1}'));
    c.drain(() => 0);
    expect(c.nodes.get('late')!.reg.lookup('early')).toBeUndefined();
    c.up('late');
    c.drain(() => 0);
    expect(c.nodes.get('late')!.reg.lookup('early')).toBe('{a@h|1}');
  });
});

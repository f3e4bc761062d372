// An in-memory PeerTransport for tests: frames wait in one queue per pair (FIFO, peer.ts) until pump() hands them
// over, so every delivery happens outside the sender's task, as on a real transport. A peer can be cut (kill):
// its queued frames are lost and every other peer hears onPeerDown.
import type { Frame, PeerName, PeerTransport } from '../../runtime/distrib/peer.js';
import { RemoteLayer } from '../../runtime/distrib/remote.js';
import { threadOf } from '../../runtime/distrib/pid-space.js';
import type { ProcessNode } from '../../runtime/process/node.js';

export class LoopbackNet {
  private readonly ends = new Map<PeerName, LoopbackEnd>();
  private readonly queue: { from: PeerName; to: PeerName; frame: Frame }[] = [];
  /** every frame handed over, for tests that count them */
  readonly log: { from: PeerName; to: PeerName; frame: Frame }[] = [];

  end(name: PeerName): LoopbackEnd {
    const e = new LoopbackEnd(this, name);
    this.ends.set(name, e);
    return e;
  }

  get names(): PeerName[] {
    return [...this.ends.keys()];
  }

  enqueue(from: PeerName, to: PeerName, frame: Frame): boolean {
    if (!this.ends.has(to) || !this.ends.has(from)) return false;
    this.queue.push({ from, to, frame });
    return true;
  }

  /** Delivers every queued frame (and those sent while delivering); returns how many. */
  pump(): number {
    let n = 0;
    while (this.queue.length > 0) {
      const q = this.queue.shift()!;
      const to = this.ends.get(q.to);
      if (to === undefined || !this.ends.has(q.from)) continue;
      this.log.push(q);
      to.frameHandler?.(q.from, q.frame);
      n++;
    }
    return n;
  }

  kill(name: PeerName, reason: string): void {
    this.ends.delete(name);
    for (const e of this.ends.values()) e.downHandler?.(name, reason);
  }
}

export class LoopbackEnd implements PeerTransport {
  frameHandler: ((from: PeerName, f: Frame) => void) | undefined;
  downHandler: ((peer: PeerName, reason: string) => void) | undefined;
  constructor(
    private readonly net: LoopbackNet,
    readonly self: PeerName,
  ) {}
  send(to: PeerName, frame: Frame): boolean {
    return this.net.enqueue(this.self, to, frame);
  }
  onFrame(h: (from: PeerName, f: Frame) => void): void {
    this.frameHandler = h;
  }
  onPeerDown(h: (peer: PeerName, reason: string) => void): void {
    this.downHandler = h;
  }
}

/** The two nodes of a loopback pair, in pid-space order: node `a` places spawns on host app:remote on node `b`. */
export const PAIR = ['a', 'b'] as const;

/**
 * Joins `node` as node `PAIR[i]` of a loopback pair sharing one pid space of two parts (pid-space.ts): a pid of the
 * other part is the other node's, spawns of node a on host app:remote go to node b. `wrap` may change the transport
 * end (a codec round trip, say).
 */
export function joinPair(node: ProcessNode, net: LoopbackNet, i: 0 | 1, wrap: (end: PeerTransport) => PeerTransport = (e) => e): RemoteLayer {
  return new RemoteLayer(node, {
    transport: wrap(net.end(PAIR[i])),
    peerOf: (pid) => {
      const t = threadOf(pid, 2);
      return t === undefined || t === i ? undefined : PAIR[t];
    },
    spawnPeer: (host) => (host === 'app:remote' && i === 0 ? 'b' : undefined),
    allocPid: (peer, host) => node.allocPid(host, PAIR.indexOf(peer as 'a' | 'b')),
    peers: () => PAIR.filter((n) => n !== PAIR[i]),
  });
}

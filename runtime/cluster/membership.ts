// Who is in the cluster, as this node sees it: a peer is up from its first sign of life (a heartbeat or a batch of
// frames) until it says goodbye, restarts, or is not heard from for `downAfterMs`. Pure bookkeeping over a clock
// (the transport feeds it what arrives and calls sweep() on its timer), so the rules are tested without NATS.
//
// The rules, and why:
//  - A peer is named by its node name; each start of a node has a fresh incarnation. A heartbeat of a known name
//    with another incarnation is a restart: the old node's processes are gone, so it is down, then up as new.
//  - Silence for downAfterMs means down ("no heartbeat for N ms"; the remote layer's error reads "node down: NAME:
//    no heartbeat for N ms"). When this node's own timer
//    ran late by more than that (the event loop was blocked), silence proves nothing: every deadline starts again.
//  - A peer that was down and is heard again with the same incarnation was alive all along (cut off, or stalled):
//    it rejoins, and it must be told (`reset`), because it may still hold state about this node's processes that
//    this node has already ended (its links and monitors of them): it drops that state as if this node had gone
//    down and come back. A reset from a peer this node has down, or rejoined in the last downAfterMs, changes
//    nothing: this node's state about it is already clean.
//  - Frames of a peer that is down are dropped: once a watcher was told "node down", nothing of that node's old
//    session may arrive after it.

export interface MembershipEvents {
  up(peer: string): void;
  /** `reason` says why, without the peer's name: the remote layer's error is "node down: PEER: REASON" */
  down(peer: string, reason: string): void;
  /** tell `peer` that this node had it down (the transport publishes a Reset to it) */
  reset(peer: string): void;
}

interface Peer {
  incarnation: string;
  lastHeard: number;
  up: boolean;
  /** when this node last took the peer back after having it down (-Infinity: never) */
  rejoinedAt: number;
}

export type Heard = 'deliver' | 'drop';

export class Membership {
  private readonly peers = new Map<string, Peer>();
  private lastSweep: number;

  constructor(
    private readonly downAfterMs: number,
    private readonly now: () => number,
    private readonly events: MembershipEvents,
  ) {
    this.lastSweep = now();
  }

  isUp(peer: string): boolean {
    return this.peers.get(peer)?.up === true;
  }

  knows(peer: string): boolean {
    return this.peers.has(peer);
  }

  /** The incarnation of `peer` while it is up (undefined: down, or never seen). */
  incarnationOf(peer: string): string | undefined {
    const p = this.peers.get(peer);
    return p?.up === true ? p.incarnation : undefined;
  }

  /** The peers up now, in name order. */
  upPeers(): string[] {
    return [...this.peers].filter(([, p]) => p.up).map(([n]) => n).sort();
  }

  /**
   * A sign of life from `peer` (a heartbeat, a hello, a batch of frames). Answers whether a batch of frames that
   * came with it may be delivered: not when it revives a peer this node had down (that batch belongs to the
   * session whose end the watchers were told of).
   */
  heard(peer: string, incarnation: string): Heard {
    const t = this.now();
    const p = this.peers.get(peer);
    if (p === undefined) {
      this.peers.set(peer, { incarnation, lastHeard: t, up: true, rejoinedAt: -Infinity });
      this.events.up(peer);
      return 'deliver';
    }
    if (p.incarnation !== incarnation) {
      if (p.up) {
        p.up = false;
        this.events.down(peer, 'restarted');
      }
      p.incarnation = incarnation;
      p.lastHeard = t;
      p.up = true;
      p.rejoinedAt = -Infinity;
      this.events.up(peer);
      return 'deliver';
    }
    p.lastHeard = t;
    if (p.up) return 'deliver';
    p.up = true;
    p.rejoinedAt = t;
    this.events.reset(peer);
    this.events.up(peer);
    return 'drop';
  }

  /** The peer said goodbye (a clean stop). */
  left(peer: string, incarnation: string): void {
    const p = this.peers.get(peer);
    if (p === undefined || p.incarnation !== incarnation || !p.up) return;
    p.up = false;
    this.events.down(peer, 'left the cluster');
  }

  /** The peer had this node down: drop what is held about its processes, unless that is already done. */
  resetBy(peer: string, incarnation: string): void {
    const p = this.peers.get(peer);
    if (p === undefined || p.incarnation !== incarnation) {
      this.heard(peer, incarnation);
      return;
    }
    if (!p.up || this.now() - p.rejoinedAt < this.downAfterMs) return;
    p.up = false;
    this.events.down(peer, 'lost contact with this node');
    p.up = true;
    p.lastHeard = this.now();
    p.rejoinedAt = p.lastHeard;
    this.events.up(peer);
  }

  /** This node lost its own connection: every peer is down now (what was in flight may be lost). */
  allDown(reason: string): void {
    for (const [name, p] of this.peers) {
      if (!p.up) continue;
      p.up = false;
      this.events.down(name, reason);
    }
  }

  /** Marks down every peer not heard from for downAfterMs; called by the transport's timer. */
  sweep(): void {
    const t = this.now();
    const late = t - this.lastSweep > this.downAfterMs;
    this.lastSweep = t;
    for (const [name, p] of this.peers) {
      if (!p.up) continue;
      if (late) {
        p.lastHeard = t;
        continue;
      }
      if (t - p.lastHeard > this.downAfterMs) {
        p.up = false;
        this.events.down(name, `no heartbeat for ${this.downAfterMs} ms`);
      }
    }
  }
}

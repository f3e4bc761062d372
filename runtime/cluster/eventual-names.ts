// The EVENTUAL registry scope of a cluster (Wippy's gossip-replicated names; docs/cluster.md "Registry names"):
// every node keeps, per name, the binding each node made (at most one per origin node), and every node picks the
// same winner among them by a fixed rule, so the replicas converge once the frames have arrived, without a
// coordinator. A node announces its own bindings in `name` frames (scope 'eventual') through the cluster transport,
// which keeps per-pair order, so the last frame of an origin is its binding. A node coming up is sent every binding
// of this node; a node going down loses all of its bindings everywhere.
//
// Conflicts: two nodes that bind one name to different pids both hold a binding; the winner is the binding whose
// (name, origin node) ranks highest (rank() below), the same on every node. A process of this node that held the
// winning binding and is overtaken by another origin's loses its name: the binding is dropped here (and the drop
// announced), and the process receives a CANCEL event with reason "name revoked: NAME", as Wippy tells the loser;
// it keeps running and may register again. A register that would lose at once is refused (ALREADY_EXISTS) instead.
import type { Frame, PeerName } from '../distrib/peer.js';
import type { ProcessNode } from '../process/node.js';
import type { Proc } from '../process/proc.js';
import type { EventualNameScope } from '../process/cluster-names.js';

type NameFrame = Extract<Frame, { t: 'name' }>;

export interface EventualNamesOptions {
  self: PeerName;
  /** hands a frame to the transport for `peer` (false: not reachable) */
  send(peer: PeerName, frame: Frame): boolean;
  /** the peers up now */
  peers(): readonly PeerName[];
  /** the pid a CONSISTENT/STRONG name or an acknowledged STRONG reservation holds `name` for (cross-scope check) */
  heldElsewhere(name: string): string | undefined;
}

/** The rank of a binding of `name` made by `origin`: FNV-1a (32 bits) over both; the higher wins, ties by origin. */
function rank(name: string, origin: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ 0, 0x01000193);
  for (let i = 0; i < origin.length; i++) h = Math.imul(h ^ origin.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function beats(name: string, a: string, b: string): boolean {
  const ra = rank(name, a);
  const rb = rank(name, b);
  return ra !== rb ? ra > rb : a > b;
}

export class EventualNames implements EventualNameScope {
  /** name -> origin node -> the pid it bound the name to */
  private readonly bindings = new Map<string, Map<PeerName, string>>();
  /** this node's processes that hold an EVENTUAL name, with the names (released when they exit) */
  private readonly held = new Map<Proc, Set<string>>();

  constructor(
    private readonly node: ProcessNode,
    private readonly opts: EventualNamesOptions,
  ) {}

  /** The winning binding's pid. */
  lookup(name: string): string | undefined {
    const b = this.bindings.get(name);
    if (b === undefined) return undefined;
    const w = this.winner(name, b);
    return w === undefined ? undefined : b.get(w);
  }

  register(name: string, target: Proc): { existing?: string } {
    // a name held in another scope, by another pid, cannot be bound here (Wippy's cross-scope check): CONSISTENT or
    // STRONG anywhere, LOCAL on this node
    const other = this.opts.heldElsewhere(name) ?? this.node.names.get(name)?.pid;
    if (other !== undefined && other !== target.pid) return { existing: other };
    let b = this.bindings.get(name);
    const mine = b?.get(this.opts.self);
    if (mine === target.pid) return {};
    if (mine !== undefined) return { existing: mine };
    if (b !== undefined) {
      const w = this.winner(name, b);
      if (w !== undefined && beats(name, w, this.opts.self)) return { existing: b.get(w)! };
    }
    if (b === undefined) this.bindings.set(name, (b = new Map()));
    b.set(this.opts.self, target.pid);
    let names = this.held.get(target);
    if (names === undefined) {
      this.held.set(target, (names = new Set()));
      target.onExit.push(() => this.exited(target));
    }
    names.add(name);
    this.announce({ t: 'name', name, pid: target.pid, scope: 'eventual' });
    return {};
  }

  unregister(name: string, caller: Proc): boolean {
    // only the holder releases its name (the rule of every scope here: names-and-links.ts says why)
    if (this.bindings.get(name)?.get(this.opts.self) !== caller.pid) return false;
    this.drop(name, caller);
    return true;
  }

  /** A binding another node made or released. */
  applied(from: PeerName, f: NameFrame): void {
    let b = this.bindings.get(f.name);
    if (f.pid === undefined) {
      if (b === undefined) return;
      b.delete(from);
      if (b.size === 0) this.bindings.delete(f.name);
      return;
    }
    if (b === undefined) this.bindings.set(f.name, (b = new Map()));
    b.set(from, f.pid);
    const mine = b.get(this.opts.self);
    if (mine !== undefined && beats(f.name, from, this.opts.self)) this.revoke(f.name, mine);
  }

  /** A node came up (first time, or again): it learns every binding of this node. */
  peerUp(peer: PeerName): void {
    for (const [name, b] of this.bindings) {
      const pid = b.get(this.opts.self);
      if (pid !== undefined) this.opts.send(peer, { t: 'name', name, pid, scope: 'eventual' });
    }
  }

  /** A node went down (or left): its bindings are gone everywhere (Wippy releases them when the node leaves). */
  peerDown(peer: PeerName): void {
    for (const [name, b] of this.bindings) {
      if (b.delete(peer) && b.size === 0) this.bindings.delete(name);
    }
  }

  private winner(name: string, b: Map<PeerName, string>): PeerName | undefined {
    let w: PeerName | undefined;
    for (const origin of b.keys()) if (w === undefined || beats(name, origin, w)) w = origin;
    return w;
  }

  /** This node's binding of `name` lost to another origin's: dropped, and its process told as Wippy tells it. */
  private revoke(name: string, pid: string): void {
    const p = this.node.procs.get(pid);
    if (p === undefined) return;
    this.drop(name, p);
    this.node.cancel(undefined, p, `name revoked: ${name}`);
  }

  private drop(name: string, p: Proc): void {
    const b = this.bindings.get(name);
    if (b !== undefined) {
      b.delete(this.opts.self);
      if (b.size === 0) this.bindings.delete(name);
    }
    this.held.get(p)?.delete(name);
    this.announce({ t: 'name', name, scope: 'eventual' });
  }

  /** A process of this node ended: its EVENTUAL names are released (as process.md says every scope's are). */
  private exited(p: Proc): void {
    const names = this.held.get(p);
    this.held.delete(p);
    if (names === undefined) return;
    for (const name of names) {
      const b = this.bindings.get(name);
      if (b?.get(this.opts.self) !== p.pid) continue;
      b.delete(this.opts.self);
      if (b.size === 0) this.bindings.delete(name);
      this.announce({ t: 'name', name, scope: 'eventual' });
    }
  }

  private announce(f: NameFrame): void {
    for (const peer of this.opts.peers()) this.opts.send(peer, f);
  }
}

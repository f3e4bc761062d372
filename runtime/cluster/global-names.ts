// The CONSISTENT and STRONG registry scopes of a cluster (docs/cluster.md "Registry names"): Wippy keeps them in its
// Raft core; here they live in a NATS JetStream key-value bucket (one per cluster), which is linearizable per key:
// `create` writes a key only if it is absent (first write wins), and `delete` with the revision a node read deletes
// only that value. Every node watches the bucket and keeps a replica, so a lookup stays local (Wippy: reads come
// from the local replica and may lag a write by a few milliseconds). A name is released when its process exits (the
// node that runs it deletes it), when its node goes down or leaves (every node tries; one delete wins, the others'
// revisions are stale), and a node's start sweeps what earlier starts of any node left behind.
//
// STRONG: the name is first written as a pending reservation, which lookup does not see and which blocks the name;
// every node watching the bucket checks it against its own LOCAL and EVENTUAL names and answers on the owner's ack
// subject (a conflicting binding rejects it). When every node that was up at the register has acknowledged (nodes
// that go down meanwhile are not waited for), the entry becomes active; a rejection or the deadline deletes it and
// the register fails (Wippy's "strong registration rejected by a required node" / "... timed out ...").
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { KV, KvEntry } from '@nats-io/kv';
import { natsModules } from '../lib/optional-require-nats.js';
import { createError, ERROR_KINDS, type LuaErrorValue } from '../lib/wippy/errors.js';
import type { GlobalNameScope } from '../process/cluster-names.js';
import type { ProcessNode } from '../process/node.js';
import type { Proc } from '../process/proc.js';
import type { PeerName } from '../distrib/peer.js';

/** Wippy's default STRONG deadline (api/topology/namereg/global StrongDeadline) */
export const DEFAULT_STRONG_DEADLINE_MS = 10_000;

/** An entry of the bucket: the binding, who made it (node and start), its scope, and its revision. */
interface Binding {
  pid: string;
  node: PeerName;
  inc: string;
  strong: boolean;
  /** a STRONG reservation not yet acknowledged by every node: blocks the name, invisible to lookup */
  pending: boolean;
  rev: number;
}

type Stored = Omit<Binding, 'rev'>;

export interface GlobalNamesOptions {
  self: PeerName;
  incarnation: string;
  /** the cluster's name: the bucket is `mf_CLUSTER_names` */
  cluster: string;
  nc: NatsConnection;
  /** a subject of the cluster (`mf.CLUSTER.` + rest) */
  subject(rest: string): string;
  peers(): readonly PeerName[];
  /** the incarnation of a peer up now */
  incarnationOf(peer: PeerName): string | undefined;
  /** whether a peer was ever a member */
  knows(peer: PeerName): boolean;
  /** how long a node unheard of may hold names before a start sweeps them (the failure detector's down-after) */
  downAfterMs: number;
  strongDeadlineMs?: number;
  /** the pid this node's EVENTUAL scope binds `name` to (a STRONG reservation's conflict check) */
  eventualLookup(name: string): string | undefined;
  log(line: string): void;
}

interface StrongWait {
  rev: number;
  missing: Set<PeerName>;
  done(outcome: 'acked' | 'rejected' | 'timeout'): void;
}

/** A registry name as a key of the bucket: names are byte strings, keys a few ASCII characters (base64url). */
const keyOf = (name: string): string => `n.${Buffer.from(name, 'latin1').toString('base64url')}`;
const nameOf = (key: string): string => Buffer.from(key.slice(2), 'base64url').toString('latin1');

const notAvailable = (): LuaErrorValue => createError({ kind: ERROR_KINDS.UNAVAILABLE, message: 'global registry not available', retryable: true });

/** Whether a write failed because the key's revision was not the one given (taken, or changed since it was read). */
const isWrongRevision = (e: unknown): boolean => e instanceof Error && /wrong last sequence|key exists/i.test(e.message);

export class GlobalNames implements GlobalNameScope {
  private readonly replica = new Map<string, Binding>();
  /** this node's processes holding a CONSISTENT/STRONG name: released when they exit */
  private readonly held = new Set<Proc>();
  private readonly waits = new Map<string, StrongWait>();
  /** the incarnation of each peer's latest start seen up */
  private readonly starts = new Map<PeerName, string>();
  /**
   * Acknowledgements that came before the create's own answer (they share a connection, and a subscription's
   * message is handled as it is read, a request's answer a microtask later): kept by name while its create is out.
   */
  private readonly early = new Map<string, { rev: number; node: PeerName; ok: boolean }[]>();
  private readonly subs: Subscription[] = [];
  private stopWatch: (() => void) | undefined;
  private sweepTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  private constructor(
    private readonly node: ProcessNode,
    private readonly kv: KV,
    private readonly opts: GlobalNamesOptions,
  ) {}

  /**
   * Opens (or creates) the cluster's bucket and starts the replica. Undefined when the server has no JetStream:
   * the cluster then has no CONSISTENT/STRONG scope, as a Wippy cluster without its Raft core.
   */
  static async open(node: ProcessNode, opts: GlobalNamesOptions): Promise<GlobalNames | undefined> {
    const { Kvm } = natsModules.natsKv();
    let kv: KV;
    try {
      kv = await new Kvm(opts.nc).create(`mf_${opts.cluster}_names`, { history: 1 });
    } catch {
      // no JetStream on the server ("jetstream is not enabled"): a register in these scopes says so when it is asked
      return undefined;
    }
    const g = new GlobalNames(node, kv, opts);
    await g.start();
    return g;
  }

  private async start(): Promise<void> {
    for (const peer of this.opts.peers()) {
      const inc = this.opts.incarnationOf(peer);
      if (inc !== undefined) this.starts.set(peer, inc);
    }
    // what earlier starts left behind goes before this node's app runs (it may want those names at once)
    const stale: Promise<unknown>[] = [];
    for await (const key of await this.kv.keys()) {
      const e = await this.kv.get(key);
      const b = e === null || e.operation !== 'PUT' ? undefined : parse(e);
      if (b !== undefined && b.node === this.opts.self && b.inc !== this.opts.incarnation) {
        stale.push(this.kv.delete(key, { previousSeq: b.rev }).catch(() => undefined));
      }
    }
    await Promise.all(stale);
    const iter = await this.kv.watch();
    this.stopWatch = () => iter.stop();
    void (async () => {
      for await (const e of iter) this.onEntry(e);
    })().catch((e: unknown) => {
      if (!this.closed) this.opts.log(`moonforge cluster: the registry names' watch ended: ${(e as Error).message}`);
    });
    this.subs.push(this.opts.nc.subscribe(this.opts.subject(`names.ack.${this.opts.self}`), { callback: (err, msg) => void (err === null && this.onAck(msg.data)) }));
    // a node never heard of within down-after of this start is not coming back: its names go
    this.sweepTimer = setTimeout(() => {
      this.sweepTimer = undefined;
      for (const [name, b] of this.replica) if (b.node !== this.opts.self && !this.opts.knows(b.node)) this.release(name, b);
    }, this.opts.downAfterMs);
    this.sweepTimer.unref?.();
  }

  lookup(name: string): string | undefined {
    const b = this.replica.get(name);
    return b === undefined || b.pending ? undefined : b.pid;
  }

  reserved(name: string): string | undefined {
    const b = this.replica.get(name);
    return b !== undefined && b.pending ? b.pid : undefined;
  }

  async register(name: string, target: Proc, strong: boolean): Promise<true | LuaErrorValue> {
    if (this.closed) return notAvailable();
    if (strong) {
      // this node is one of those that must accept it: a binding of its own to another pid rejects it
      const mine = this.conflictHere(name, target.pid);
      if (mine !== undefined) return createError({ kind: ERROR_KINDS.ALREADY_EXISTS, message: 'strong registration rejected by a required node', details: { existing_pid: mine, node: this.opts.self } });
    }
    const stored: Stored = { pid: target.pid, node: this.opts.self, inc: this.opts.incarnation, strong, pending: strong };
    const key = keyOf(name);
    // a create that finds the key taken reads it; a value deleted in between lets the create be tried again
    for (let attempt = 0; attempt < 3; attempt++) {
      let rev: number;
      if (strong) this.early.set(name, []);
      try {
        rev = await this.kv.create(key, JSON.stringify(stored));
      } catch (e) {
        this.early.delete(name);
        if (!isWrongRevision(e)) return this.storeFailed('register', name, e);
        let cur: KvEntry | null;
        try {
          cur = await this.kv.get(key);
        } catch (e2) {
          return this.storeFailed('register', name, e2);
        }
        if (cur === null || cur.operation !== 'PUT') continue;
        const b = parse(cur);
        if (b === undefined) return this.storeFailed('register', name, new Error('an entry that is not a binding'));
        // registering the same name to the same pid again is idempotent (a pending one completes on its own)
        if (b.pid === target.pid) return true;
        if (b.pending) return createError({ kind: ERROR_KINDS.ALREADY_EXISTS, message: 'strong name reservation pending for different PID', details: { existing_pid: b.pid } });
        return createError({ kind: ERROR_KINDS.ALREADY_EXISTS, message: 'global name already registered', details: { existing_pid: b.pid } });
      }
      const b: Binding = { ...stored, rev };
      this.replica.set(name, b);
      // the process ended while the store answered: its exit has passed, so the name goes now
      if (!target.alive) {
        this.release(name, b);
        return true;
      }
      this.hold(target);
      return strong ? this.promote(name, key, stored, rev) : true;
    }
    return this.storeFailed('register', name, new Error('the name kept changing'));
  }

  async unregister(name: string, caller: Proc, _strong: boolean): Promise<boolean | LuaErrorValue> {
    // only the owner releases its name (module.go: an owner mismatch, or an unheld name, is false)
    const b = this.replica.get(name);
    if (b === undefined || b.pending || b.pid !== caller.pid) return false;
    try {
      await this.kv.delete(keyOf(name), { previousSeq: b.rev });
    } catch (e) {
      if (isWrongRevision(e)) return false;
      return this.storeFailed('unregister', name, e);
    }
    if (this.replica.get(name) === b) this.replica.delete(name);
    return true;
  }

  /** A node came up: the start it is now (its names from earlier starts are stale; later ones are not). */
  peerUp(peer: PeerName): void {
    const inc = this.opts.incarnationOf(peer);
    if (inc === undefined) return;
    this.starts.set(peer, inc);
    for (const [name, b] of this.replica) if (b.node === peer && b.inc < inc) this.release(name, b);
  }

  /**
   * A node went down: the names of that start (and earlier ones) are released; every node tries, the first delete
   * wins. A restart is seen as the old start down, then the new one up: names the new start already took stay.
   */
  peerDown(peer: PeerName): void {
    const inc = this.starts.get(peer);
    for (const [name, b] of this.replica) if (b.node === peer && (inc === undefined || b.inc <= inc)) this.release(name, b);
    for (const w of this.waits.values()) {
      w.missing.delete(peer);
      if (w.missing.size === 0) w.done('acked');
    }
  }

  /** Leaves: this node's names are deleted (its peers would do it when they see it gone), the watch stops. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.sweepTimer !== undefined) clearTimeout(this.sweepTimer);
    for (const w of this.waits.values()) w.done('timeout');
    const mine = [...this.replica].filter(([, b]) => b.node === this.opts.self);
    await Promise.all(mine.map(([name, b]) => this.kv.delete(keyOf(name), { previousSeq: b.rev }).catch(() => undefined)));
    this.stopWatch?.();
    for (const s of this.subs) s.unsubscribe();
  }

  // ---- the replica ----

  private onEntry(e: KvEntry): void {
    if (!e.key.startsWith('n.')) return;
    const name = nameOf(e.key);
    const was = this.replica.get(name);
    if (e.operation !== 'PUT') {
      if (was !== undefined && was.rev <= e.revision) this.replica.delete(name);
      return;
    }
    const b = parse(e);
    if (b === undefined) return;
    if (was !== undefined && was.rev > b.rev) return;
    this.replica.set(name, b);
    if (this.stale(b)) return this.release(name, b);
    if (b.pending && b.node !== this.opts.self) this.answer(name, b);
  }

  /**
   * An entry no live start of its node holds: an earlier start of this node, of a peer up now, or the start of a peer
   * that went down. Incarnations sort by start time (nats-transport.ts), so an entry of a start newer than the one
   * this node knows is a restart not heard of yet: left alone (its old start going down releases only older entries).
   */
  private stale(b: Binding): boolean {
    if (b.node === this.opts.self) return b.inc !== this.opts.incarnation;
    if (!this.opts.knows(b.node)) return false; // not heard of yet: the sweep at down-after decides
    const up = this.opts.incarnationOf(b.node);
    if (up !== undefined) return b.inc < up;
    const last = this.starts.get(b.node);
    return last === undefined || b.inc <= last;
  }

  /** Deletes `b` if it is still the entry (a later value of the name is left alone). */
  private release(name: string, b: Binding): void {
    // a node that left (or lost its connection for good) releases nothing: its peers do
    if (this.closed || this.opts.nc.isClosed()) return;
    this.kv.delete(keyOf(name), { previousSeq: b.rev }).catch((e: unknown) => {
      if (!isWrongRevision(e)) this.opts.log(`moonforge cluster: could not release registry name '${name}': ${(e as Error).message}`);
    });
  }

  private hold(p: Proc): void {
    if (this.held.has(p)) return;
    this.held.add(p);
    p.onExit.push(() => {
      this.held.delete(p);
      for (const [name, b] of this.replica) if (b.pid === p.pid && b.node === this.opts.self) this.release(name, b);
    });
  }

  // ---- STRONG ----

  /** The pid a binding of this node holds `name` for in LOCAL or EVENTUAL, when it is not `pid`. */
  private conflictHere(name: string, pid: string): string | undefined {
    const local = this.node.names.get(name)?.pid;
    if (local !== undefined && local !== pid) return local;
    const eventual = this.opts.eventualLookup(name);
    return eventual !== undefined && eventual !== pid ? eventual : undefined;
  }

  /** Another node's pending reservation: this node accepts it unless a binding of its own conflicts. */
  private answer(name: string, b: Binding): void {
    const ok = this.conflictHere(name, b.pid) === undefined;
    this.opts.nc.publish(this.opts.subject(`names.ack.${b.node}`), JSON.stringify({ name, rev: b.rev, node: this.opts.self, ok }));
  }

  private onAck(data: Uint8Array): void {
    let a: { name?: unknown; rev?: unknown; node?: unknown; ok?: unknown };
    try {
      a = JSON.parse(Buffer.from(data).toString('utf8')) as typeof a;
    } catch {
      return;
    }
    if (typeof a.name !== 'string' || typeof a.node !== 'string') return;
    if (typeof a.rev !== 'number') return;
    const w = this.waits.get(a.name);
    if (w === undefined) {
      this.early.get(a.name)?.push({ rev: a.rev, node: a.node, ok: a.ok === true });
      return;
    }
    if (w.rev === a.rev) this.acked(w, a.node, a.ok === true);
  }

  private acked(w: StrongWait, node: PeerName, ok: boolean): void {
    if (!ok) return w.done('rejected');
    w.missing.delete(node);
    if (w.missing.size === 0) w.done('acked');
  }

  /** Waits for every node up now to accept the reservation, then makes it active; else deletes it. */
  private async promote(name: string, key: string, stored: Stored, rev: number): Promise<true | LuaErrorValue> {
    const missing = new Set(this.opts.peers());
    const early = this.early.get(name) ?? [];
    this.early.delete(name);
    const deadline = this.opts.strongDeadlineMs ?? DEFAULT_STRONG_DEADLINE_MS;
    const outcome = missing.size === 0 ? 'acked' : await new Promise<'acked' | 'rejected' | 'timeout'>((resolve) => {
      const timer = setTimeout(() => w.done('timeout'), deadline);
      const w: StrongWait = {
        rev,
        missing,
        done: (o) => {
          clearTimeout(timer);
          if (this.waits.get(name) === w) this.waits.delete(name);
          resolve(o);
        },
      };
      this.waits.set(name, w);
      for (const a of early) if (a.rev === rev && this.waits.get(name) === w) this.acked(w, a.node, a.ok);
    });
    if (outcome === 'acked' && !this.closed) {
      try {
        const active = await this.kv.update(key, JSON.stringify({ ...stored, pending: false }), rev);
        this.replica.set(name, { ...stored, pending: false, rev: active });
        return true;
      } catch (e) {
        // released meanwhile (its process ended, or this node was taken for down): nothing to promote
        if (isWrongRevision(e)) return createError({ kind: ERROR_KINDS.UNAVAILABLE, message: 'strong registration lost before it became active', retryable: true });
        return this.storeFailed('register', name, e);
      }
    }
    this.release(name, { ...stored, rev });
    if (outcome === 'rejected') return createError({ kind: ERROR_KINDS.ALREADY_EXISTS, message: 'strong registration rejected by a required node' });
    return createError({
      kind: ERROR_KINDS.TIMEOUT,
      message: 'strong registration timed out before all live nodes acked',
      retryable: true,
      details: { missing_acks: [...missing].sort().join(',') },
    });
  }

  private storeFailed(what: string, name: string, e: unknown): LuaErrorValue {
    this.opts.log(`moonforge cluster: ${what} of registry name '${name}' failed in the store: ${(e as Error).message}`);
    return notAvailable();
  }
}

function parse(e: KvEntry): Binding | undefined {
  try {
    const v = JSON.parse(Buffer.from(e.value).toString('utf8')) as Partial<Stored>;
    if (typeof v.pid !== 'string' || typeof v.node !== 'string' || typeof v.inc !== 'string') return undefined;
    return { pid: v.pid, node: v.node, inc: v.inc, strong: v.strong === true, pending: v.pending === true, rev: e.revision };
  } catch {
    return undefined;
  }
}

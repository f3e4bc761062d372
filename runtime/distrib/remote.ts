// Remote pids in a node (issue 16): a process that lives on a peer (another worker thread, or another node of a
// cluster) is represented here by a stand-in, a task-less Proc whose deliveries go to the transport. Links,
// monitors, EXIT and LINK_DOWN therefore keep the node's own code paths: a local process links the stand-in as it
// would link a local process, and when the real process ends its node announces it (an `exit` frame), here the
// stand-in is ended with that result by node.exitProcess, which sends the local watchers their events.
// The peer side mirrors it: it holds a stand-in of each local process that watches or is watched by one of its
// processes, and this node announces such a local process's end to that peer. Frames and promises: peer.ts.
import type { ProcessNode, RemoteHooks, SpawnOptions } from '../process/node.js';
import { EVENT_CANCEL, SpawnError } from '../process/node.js';
import { Proc, type ExitResult } from '../process/proc.js';
import { EVENTS_TOPIC, NO_PAYLOADS, messageOf, type Envelope, type TraceContext } from '../process/message.js';
import { createError, ERROR_KINDS, type LuaErrorValue } from '../lib/wippy/errors.js';
import { Scope } from '../security/scope.js';
import type { Policy } from '../security/policy.js';
import type { SecurityContext } from '../security/check.js';
import type { Actor } from '../security/conditions.js';
import type { AttrRecord } from '../security/values.js';
import { decodeValues, encodeValues } from './codec.js';
import type { Frame, PeerName, PeerTransport, WireSecurity, WireTraceContext } from './peer.js';

export interface RemoteOptions {
  transport: PeerTransport;
  /** the peer that runs `pid`, undefined when this node does (or when no peer could: a pid of nobody) */
  peerOf(pid: string): PeerName | undefined;
  /** the peer a spawn on `host` goes to (its placement rule), undefined to spawn here */
  spawnPeer(host: string): PeerName | undefined;
  /** a fresh pid for a process on `host` that `peer` will run (from that peer's part of the pid space) */
  allocPid(peer: PeerName, host: string): string;
  /** every peer this node knows now (registry names are announced to them) */
  peers(): readonly PeerName[];
  /**
   * whether this node's LOCAL registry names are announced to the peers (default true): worker threads are one
   * node, whose names every thread sees; the nodes of a cluster keep theirs (Wippy's LOCAL scope is one node's), and
   * cluster-wide names have scopes of their own (runtime/cluster/names.ts)
   */
  announceNames?: boolean;
  /** a policy of the app by id, for the scope of a remote spawn (absent: a spawn with a scope is refused) */
  policy?(id: string): Policy | undefined;
  /** output frames (a worker's console) */
  onOutput?(from: PeerName, stream: 1 | 2, text: string): void;
  /** log frames (a worker's logger records) */
  onLog?(from: PeerName, record: Record<string, unknown>): void;
  /** the name on `peer` of a host named `host` here (a cluster's `NODE@HOST` is HOST there); absent: the same */
  hostOnPeer?(host: string): string;
}

/** The error of every watcher of a peer's processes when the peer is lost. */
export const NODE_DOWN_KIND = ERROR_KINDS.UNAVAILABLE;

export class RemoteLayer implements RemoteHooks {
  /** stand-ins of remote processes, by pid */
  private readonly proxies = new Map<string, Proc>();
  /** local pid -> the peers holding a stand-in of it that must hear of its end */
  private readonly watchers = new Map<string, Set<PeerName>>();
  /** registry names of peers (replicas; reads stay local): name -> pid */
  private readonly remoteNames = new Map<string, string>();
  private readonly down = new Map<PeerName, string>();

  constructor(
    private readonly node: ProcessNode,
    private readonly opts: RemoteOptions,
  ) {
    opts.transport.onFrame((from, f) => this.onFrame(from, f));
    opts.transport.onPeerDown((peer, reason) => this.peerDown(peer, reason));
    opts.transport.onPeerUp?.((peer) => this.down.delete(peer));
    node.remote = this;
  }

  // ---- RemoteHooks: what the node asks ----

  proxy(pid: string): Proc | undefined {
    const p = this.proxies.get(pid);
    if (p !== undefined) return p;
    const peer = this.opts.peerOf(pid);
    if (peer === undefined || this.down.has(peer)) return undefined;
    return this.makeProxy(pid, peer);
  }

  isProxy(p: Proc): boolean {
    return this.proxies.get(p.pid) === p;
  }

  lookupName(name: string): string | undefined {
    return this.remoteNames.get(name);
  }

  /** The placement's choice, passing over lost peers (when every choice is lost, the spawn raises Unavailable). */
  spawnPeer(host: string): PeerName | undefined {
    let peer = this.opts.spawnPeer(host);
    for (let tries = this.opts.peers().length; peer !== undefined && this.down.has(peer) && tries > 0; tries--) {
      peer = this.opts.spawnPeer(host);
    }
    return peer;
  }

  /**
   * Spawns on `peer`: the pid is taken here and the frame sent; the returned stand-in is kept until the child's
   * end is announced (the spawn asks for it), so a link, a monitor or an exec of the child behaves as a local one.
   */
  spawn(parent: Proc | undefined, id: string, host: string, peer: PeerName, args: unknown[], opts: SpawnOptions): Proc {
    const why = this.down.get(peer);
    if (why !== undefined) throw new SpawnError(NODE_DOWN_KIND, `node down: ${peer}: ${why}`);
    const there = this.opts.hostOnPeer?.(host) ?? host;
    const pid = this.opts.allocPid(peer, there);
    const frame: Frame = {
      t: 'spawn',
      pid,
      parent: parent?.pid ?? '',
      entry: id,
      host: there,
      argsBytes: encodeValues(args),
      link: opts.link === true && parent !== undefined,
      monitor: opts.monitor === true && parent !== undefined,
      watch: true,
    };
    if (opts.name !== undefined) frame.name = opts.name;
    if (opts.messages !== undefined && opts.messages.length > 0) frame.messages = opts.messages.map((m) => [m.topic, encodeValues(m.payloads)]);
    const ctx = contextOf(parent, opts);
    if (ctx.size > 0) frame.contextBytes = encodeValues([...ctx].flat());
    const security = wireSecurity(parent?.security, opts.security);
    if (security !== undefined) frame.security = security;
    // tracing on (sdk/tracing/): what the spawner is doing, which the child there continues; absent otherwise
    const tc = this.node.observer?.traceContext?.(parent);
    if (tc !== undefined) frame.trace = wireTrace(tc);
    if (!this.opts.transport.send(peer, frame)) throw new SpawnError(NODE_DOWN_KIND, `node down: ${peer}`);
    const child = this.makeProxy(pid, peer);
    if (parent !== undefined) {
      if (frame.link) {
        child.links.add(parent);
        parent.links.add(child);
      }
      if (frame.monitor) {
        child.addMonitor(parent);
        parent.monitoring.add(child);
      }
      if (frame.link || frame.monitor) this.watchLocal(parent, peer);
    }
    return child;
  }

  /** A local process changed a link or monitor with a stand-in (the node's local half is done already). */
  watch(kind: 'monitor' | 'demonitor' | 'link' | 'unlink', me: Proc, target: Proc): void {
    const peer = this.opts.peerOf(target.pid);
    if (peer === undefined) return;
    this.opts.transport.send(peer, { t: kind, from: me.pid, to: target.pid });
    if (kind === 'monitor' || kind === 'link') this.watchLocal(me, peer);
    else this.releaseIfIdle(target);
  }

  terminate(target: Proc): void {
    const peer = this.opts.peerOf(target.pid);
    if (peer !== undefined) this.opts.transport.send(peer, { t: 'terminate', from: this.node.current?.pid ?? '', to: target.pid });
  }

  named(name: string, pid: string | undefined): void {
    if (this.opts.announceNames === false) return;
    const f: Frame = pid === undefined ? { t: 'name', name } : { t: 'name', name, pid };
    for (const peer of this.opts.peers()) if (!this.down.has(peer)) this.opts.transport.send(peer, f);
  }

  // ---- stand-ins ----

  private makeProxy(pid: string, peer: PeerName): Proc {
    const proxy = new Proc(this.node, pid, '');
    proxy.deliveryHook = (env) => this.forward(peer, proxy, env);
    proxy.onExit.push(() => {
      if (this.proxies.get(pid) === proxy) this.proxies.delete(pid);
    });
    this.proxies.set(pid, proxy);
    return proxy;
  }

  /**
   * What a local sender delivered to a stand-in goes to its peer: a message as a `send` frame, a CANCEL as a
   * `cancel` frame. EXIT and LINK_DOWN of a local process to a remote watcher are not forwarded: the local
   * process's end reaches that peer once, as an `exit` frame (watchLocal), and the peer's node makes the events.
   */
  private forward(peer: PeerName, proxy: Proc, env: Envelope): boolean {
    if (env.topic !== EVENTS_TOPIC) {
      const frame: Frame = { t: 'send', from: env.from, to: proxy.pid, topic: env.topic, payloadBytes: encodeValues(env.payloads) };
      // tracing on (sdk/tracing/): the sender's trace context goes along, absent otherwise
      const tc = env.trace;
      if (tc !== undefined) frame.trace = wireTrace(tc);
      this.opts.transport.send(peer, frame);
    } else if (env.event !== undefined && env.event.kind === EVENT_CANCEL) {
      const reason = env.event.reason;
      this.opts.transport.send(peer, { t: 'cancel', from: env.from, to: proxy.pid, reason: typeof reason === 'string' ? reason : '' });
    }
    return true;
  }

  /** A stand-in nobody links, monitors or waits on is dropped (a later use of the pid makes a new one). */
  private releaseIfIdle(p: Proc): void {
    if (!this.isProxy(p)) return;
    if ((p.linksIfAny?.size ?? 0) > 0 || p.monitorsIfAny !== undefined || (p.monitoringIfAny?.size ?? 0) > 0) return;
    const observers = p.onExitIfAny;
    if (observers !== undefined && observers.length > 1) return;
    this.proxies.delete(p.pid);
  }

  /** `peer` holds a stand-in of local `p` with watchers: it hears of p's end. */
  private watchLocal(p: Proc, peer: PeerName): void {
    if (!p.alive || this.isProxy(p)) return;
    let set = this.watchers.get(p.pid);
    if (set === undefined) {
      set = new Set();
      this.watchers.set(p.pid, set);
      p.onExit.push((r) => this.announceExit(p, r));
    }
    set.add(peer);
  }

  private announceExit(p: Proc, r: ExitResult): void {
    const pid = p.pid;
    const peers = this.watchers.get(pid);
    if (peers === undefined) return;
    this.watchers.delete(pid);
    const frame: Frame = { t: 'exit', pid, resultBytes: encodeValues([r.value, r.error]) };
    // tracing on: the span context the process ended in (the tracer keeps it past the exit), absent otherwise
    const tc = this.node.observer?.traceContext?.(p);
    if (tc !== undefined) frame.trace = wireTrace(tc);
    for (const peer of peers) if (!this.down.has(peer)) this.opts.transport.send(peer, frame);
  }

  /** The local process a frame names: a pid of this node, or a name registered here. */
  private local(to: string): Proc | undefined {
    const p = this.node.procs.get(to) ?? this.node.names.get(to);
    return p !== undefined && p.alive && !this.isProxy(p) ? p : undefined;
  }

  private refuse(peer: PeerName, pid: string, kind: string, message: string): void {
    const error = createError({ kind, message, frames: [] });
    this.opts.transport.send(peer, { t: 'exit', pid, resultBytes: encodeValues([undefined, error]) });
  }

  // ---- frames from peers ----

  private onFrame(from: PeerName, f: Frame): void {
    switch (f.t) {
      case 'send': {
        const target = this.local(f.to);
        // a message to a process that has ended is dropped, as on one node (peer.ts)
        if (target === undefined) return;
        const m = messageOf(f.topic, f.from, decodeValues(f.payloadBytes));
        if (f.trace !== undefined) m.trace = { ...f.trace, isRemote: true };
        target.deliverMessage(m);
        return;
      }
      case 'spawn':
        return this.spawnHere(from, f);
      case 'monitor':
      case 'link': {
        const target = this.local(f.to);
        if (target === undefined) return this.refuse(from, f.to, ERROR_KINDS.NOT_FOUND, 'pid not registered');
        const watcher = this.proxies.get(f.from) ?? this.makeProxy(f.from, from);
        if (f.t === 'monitor') {
          target.addMonitor(watcher);
          watcher.monitoring.add(target);
        } else {
          target.links.add(watcher);
          watcher.links.add(target);
        }
        this.watchLocal(target, from);
        return;
      }
      case 'demonitor':
      case 'unlink': {
        const watcher = this.proxies.get(f.from);
        const target = this.local(f.to);
        if (watcher === undefined || target === undefined) return;
        if (f.t === 'demonitor') {
          target.removeMonitor(watcher);
          watcher.monitoringIfAny?.delete(target);
        } else {
          target.linksIfAny?.delete(watcher);
          watcher.linksIfAny?.delete(target);
        }
        this.releaseIfIdle(watcher);
        return;
      }
      case 'exit': {
        const proxy = this.proxies.get(f.pid);
        if (proxy === undefined) return;
        const [value, error] = decodeValues(f.resultBytes);
        this.node.exitProcess(proxy, f.trace === undefined ? { value, error } : { value, error, trace: { ...f.trace, isRemote: true } });
        return;
      }
      case 'cancel': {
        const target = this.local(f.to);
        if (target === undefined) return;
        target.deliverEvent({ topic: EVENTS_TOPIC, from: f.from, payloads: NO_PAYLOADS, event: this.node.eventTable(EVENT_CANCEL, f.from, { reason: f.reason }) });
        return;
      }
      case 'terminate': {
        const target = this.local(f.to);
        if (target !== undefined) this.node.terminate(target);
        return;
      }
      case 'name':
        if (f.pid === undefined) this.remoteNames.delete(f.name);
        else this.remoteNames.set(f.name, f.pid);
        return;
      case 'output':
        this.opts.onOutput?.(from, f.stream, f.text);
        return;
      case 'log':
        this.opts.onLog?.(from, f.record);
        return;
    }
  }

  /** A spawn a peer asked for, as `f.pid`; a refusal goes back as that pid's exit. */
  private spawnHere(from: PeerName, f: Extract<Frame, { t: 'spawn' }>): void {
    let security: SecurityContext | undefined;
    if (f.security !== undefined) {
      const s = this.securityOf(f.security);
      if (s === undefined) return this.refuse(from, f.pid, ERROR_KINDS.PERMISSION_DENIED, 'unknown policy in the scope of a remote spawn');
      security = s;
    }
    const parent = f.parent === '' ? undefined : (this.proxies.get(f.parent) ?? this.makeProxy(f.parent, from));
    const opts: SpawnOptions = { link: f.link, monitor: f.monitor, pid: f.pid };
    if (f.name !== undefined) opts.name = f.name;
    if (f.messages !== undefined) opts.messages = f.messages.map(([topic, bytes]) => ({ topic, payloads: decodeValues(bytes) }));
    if (f.contextBytes !== undefined) {
      const flat = decodeValues(f.contextBytes);
      const ctx = new Map<string, unknown>();
      for (let i = 0; i + 1 < flat.length; i += 2) ctx.set(flat[i] as string, flat[i + 1]);
      opts.context = ctx;
    }
    if (security !== undefined) opts.security = security;
    if (f.trace !== undefined) opts.trace = { ...f.trace, isRemote: true };
    let child: Proc;
    try {
      child = this.node.spawn(parent, f.entry, f.host, decodeValues(f.argsBytes), opts);
    } catch (e) {
      if (parent !== undefined) this.releaseIfIdle(parent);
      if (e instanceof SpawnError) return this.refuse(from, f.pid, e.kind, e.message);
      throw e;
    }
    if (f.watch || f.link || f.monitor) this.watchLocal(child, from);
    if (parent !== undefined) this.releaseIfIdle(parent);
  }

  private securityOf(w: WireSecurity): SecurityContext | undefined {
    let scope: Scope | undefined;
    if (w.scope !== undefined) {
      const policies: Policy[] = [];
      for (const id of w.scope) {
        const p = this.opts.policy?.(id);
        if (p === undefined) return undefined;
        policies.push(p);
      }
      scope = new Scope(policies);
    }
    const actor: Actor | undefined = w.actor === undefined ? undefined : { id: w.actor.id, meta: w.actor.meta as AttrRecord | undefined };
    return { actor, scope };
  }

  /** Every watcher of `peer`'s processes gets its EXIT / LINK_DOWN with a "node down" error; the rest runs on. */
  private peerDown(peer: PeerName, reason: string): void {
    this.down.set(peer, reason);
    for (const [name, pid] of this.remoteNames) if (this.opts.peerOf(pid) === peer) this.remoteNames.delete(name);
    for (const set of this.watchers.values()) set.delete(peer);
    const lost = [...this.proxies.values()].filter((p) => this.opts.peerOf(p.pid) === peer);
    for (const p of lost) {
      const error: LuaErrorValue = createError({ kind: NODE_DOWN_KIND, message: `node down: ${peer}: ${reason}`, frames: [] });
      this.node.exitProcess(p, { value: undefined, error });
    }
  }
}

/** A trace context as it travels: the three W3C fields (a traceState stays on its node). */
function wireTrace(tc: TraceContext): WireTraceContext {
  return { traceId: tc.traceId, spanId: tc.spanId, traceFlags: tc.traceFlags };
}

/** The context a remote child starts with: the spawner's, then the spawn's own values (node.start's rule). */
function contextOf(parent: Proc | undefined, opts: SpawnOptions): ReadonlyMap<string, unknown> {
  const inherited = parent?.context;
  if (opts.context === undefined || opts.context.size === 0) return inherited ?? new Map();
  const m = new Map(inherited);
  for (const [k, v] of opts.context) m.set(k, v);
  return m;
}

/** The spawner's actor and scope as they travel (the spawn's own first, else the parent's, as node.start takes them). */
function wireSecurity(own: SecurityContext | undefined, spawn: SecurityContext | undefined): WireSecurity | undefined {
  const actor = spawn?.actor ?? own?.actor;
  const scope = spawn?.scope ?? own?.scope;
  if (actor === undefined && scope === undefined) return undefined;
  const w: WireSecurity = {};
  if (actor !== undefined) w.actor = actor.meta === undefined ? { id: actor.id } : { id: actor.id, meta: actor.meta as Record<string, unknown> };
  if (scope !== undefined) w.scope = scope.policies().map((p) => p.id);
  return w;
}


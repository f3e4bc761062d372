// The process node: every process of a runtime, their pids and registered names, spawning and exits with the
// notices they send (spec §2.3–2.5): names are released first, then EXIT goes to every monitor, and LINK_DOWN to
// every link when the exit was abnormal. All of it runs on one ProcessScheduler.
import type { Twinned } from '../../abi/index.js';
import type { SchedulerLike } from 'rxjs';
import type { SecurityContext } from '../security/check.js';
import { LuaTable, tableFromRecord } from '../core/table.js';
import type { LuaError } from '../core/errors.js';
import { formatTraceback } from '../core/errors.js';
import { runAsGenerator, type LuaGen } from '../core/coroutine.js';
import { GENERATOR_FUNCTION_PROTO, isGeneratorFunction } from '../core/generator-next.js';
import { callMeta } from '../core/call.js';
import { createError, type ErrorFrame, type LuaErrorValue } from '../lib/wippy/errors.js';
import { ProcessScheduler } from './scheduler.js';
import { Task } from './task.js';
import { EMPTY_CONTEXT, Proc, type ExitResult, type ProcessExits } from './proc.js';
import type { DeliveryHook } from './mailbox.js';
import { copyValue, copyValues } from './copy.js';
import { EVENTS_TOPIC, NO_PAYLOADS, messageOf, type Envelope, type TraceContext } from './message.js';
import { MemoryGuard, type MemoryLimits } from './memory-guard.js';
import { deliveredBy, mergeObservers, type ProcessObserver } from './observe.js';
import type { ClusterNameScopes } from './cluster-names.js';

/** Char codes of the hex digits 0-9a-f (pids). */
const HEX_CODES: readonly number[] = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];

/** The frames of a node-made error (shared, never written). */
const NO_FRAMES: ErrorFrame[] = Object.freeze([]) as unknown as ErrorFrame[];

export const EVENT_EXIT = 'pid.exit';
export const EVENT_LINK_DOWN = 'pid.link.down';
export const EVENT_CANCEL = 'pid.cancel';
/** The error kind of a refused spawn or a process stopped at a limit (Wippy's api/process/errors.go LimitExceeded). */
export const LIMIT_EXCEEDED = 'LimitExceeded';

export interface EntryLoader {
  /** Whether `id` names a process entry this node can run. */
  hasEntry(id: string): boolean;
  /** Whether `id` names a function entry (function.lua), which runs only as a call (spawnFunction), never spawned. */
  hasFunction(id: string): boolean;
  /** Whether `id` names a process host. */
  hasHost(id: string): boolean;
  /** Binds the entry's modules into `G`, runs its chunk, and returns its main function; raises on failure. */
  load(id: string, G: LuaTable, proc: Proc): unknown;
}

/** Security hook: every process operation asks it before any side effect (issue 5 brings policies). */
export type PermissionCheck = (action: string, resource: string, caller: Proc | undefined) => boolean;

export interface NodeOptions {
  time: SchedulerLike;
  loader: EntryLoader;
  /** creates the globals of a new process */
  globals: (proc: Proc) => LuaTable;
  check?: PermissionCheck;
  nodeName?: string;
  /** the liveness backstop's limit in ms (ProcessRuntimeOptions.maxRunMs) */
  maxRunMs?: number;
  /** memory limits (memory-guard.ts); the defaults apply when absent */
  memory?: MemoryLimits;
  /** the most processes alive at once on the node (0 or absent: no limit) */
  maxProcesses?: number;
  /** the most processes alive at once per host id (process.host `host.max_processes`, as Wippy's scheduler) */
  hostMaxProcesses?: ReadonlyMap<string, number>;
  /**
   * The pid space this node shares with other threads of its node (issue 16's worker hosts): `threads` threads,
   * this one number `index`. Pid number k of thread i made for thread j is (k*threads + i)*threads + j, so the
   * number tells which thread runs the process (mod threads) and no two threads make the same one. Absent: one
   * thread, pids numbered 1, 2, 3...
   */
  pidSpace?: { threads: number; index: number };
}

/**
 * What the node asks its remote layer (runtime/distrib/remote.ts) when processes live on peers too (issue 16): the
 * stand-in of a remote pid (a task-less Proc whose deliveries go to the peer), spawns on a peer's host, and what it
 * must tell peers (links/monitors with stand-ins, terminate, registry names). Undefined on a node without peers:
 * every path below is then one undefined check.
 */
export interface RemoteHooks {
  /** the stand-in of `pid` when a peer runs it (undefined: not a remote pid, or its peer is down) */
  proxy(pid: string): Proc | undefined;
  isProxy(p: Proc): boolean;
  /** the pid a peer registered `name` to */
  lookupName(name: string): string | undefined;
  /** the peer a spawn on `host` goes to, undefined to spawn here */
  spawnPeer(host: string): string | undefined;
  spawn(parent: Proc | undefined, id: string, host: string, peer: string, args: unknown[], opts: SpawnOptions): Proc;
  /** a local process linked/monitored (or stopped) a stand-in; the local half is done */
  watch(kind: 'monitor' | 'demonitor' | 'link' | 'unlink', me: Proc, target: Proc): void;
  terminate(target: Proc): void;
  /** a registry name of this node now names `pid` (undefined: released) */
  named(name: string, pid: string | undefined): void;
}

export interface SpawnOptions {
  link?: boolean;
  monitor?: boolean;
  context?: ReadonlyMap<string, unknown>;
  name?: string;
  /** messages delivered right after the spawn (Spawner:with_message) */
  messages?: { topic: string; payloads: unknown[] }[];
  /** security actor/scope of the child (issue 5) */
  security?: SecurityContext;
  /** the pid a peer chose for this spawn (remote.ts): the child runs here as that pid */
  pid?: string;
  /** the trace context the spawner was in on that peer (remote.ts, when tracing is on there): observers read it */
  trace?: TraceContext;
}

/** One prototype for the generator objects of every process's main (it adds nothing to %GeneratorPrototype%). */
const MAIN_GENERATOR_PROTO: object = Object.create((GENERATOR_FUNCTION_PROTO as { prototype: object }).prototype) as object;

/**
 * Each process runs its chunk, so its main's generator twin is a fresh closure, and V8 gives every generator
 * function its own `prototype` object, with its own hidden classes, on first call: ~180 bytes of every idle process.
 * Setting the prototype before the first call shares one (generator semantics are those of %GeneratorPrototype%
 * either way, and Lua cannot see JS prototypes).
 */
function shareGeneratorPrototype(y: unknown): void {
  if (isGeneratorFunction(y)) {
    (y as { prototype: object }).prototype = MAIN_GENERATOR_PROTO;
  }
}

/**
 * The main task's first step: it loads the entry (the chunk runs inside the task, so a load error fails the process
 * like any other), starts main's generator twin and puts that generator in the task's place, so later steps resume
 * the Lua generator directly (no wrapper frame per message, and nothing of this object stays with an idle process).
 * A main that ends in a deferred tail call is bounced by the scheduler.
 */
class MainStart {
  constructor(
    private readonly loader: EntryLoader,
    private readonly id: string,
    private G: LuaTable | undefined,
    private proc: Proc | undefined,
    private args: unknown[] | undefined,
  ) {}

  /** the task this wrapper starts (set right after the task is made) */
  task: Task | undefined = undefined;

  next(): IteratorResult<unknown, unknown> {
    const proc = this.proc;
    const args = this.args;
    if (proc === undefined || args === undefined) return { done: true, value: undefined };
    const fn = this.loader.load(this.id, this.G!, proc);
    this.G = undefined;
    this.proc = undefined;
    this.args = undefined;
    const y = typeof fn === 'function' ? (fn as Twinned<LuaGen>).$y : undefined;
    if (y !== undefined) {
      shareGeneratorPrototype(y);
      const inner = y(...args);
      if (this.task !== undefined && this.task.gen === (this as unknown as LuaGen)) this.task.gen = inner;
      return inner.next();
    }
    const r = typeof fn === 'function' ? (fn as (...a: unknown[]) => unknown)(...args) : callMeta(fn, args);
    return { done: true, value: r };
  }

  return(v?: unknown): IteratorResult<unknown, unknown> {
    this.G = undefined;
    this.proc = undefined;
    this.args = undefined;
    return { done: true, value: v };
  }

  throw(e?: unknown): IteratorResult<unknown, unknown> {
    this.return();
    throw e;
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/** A main task for entry `id`, queued by the caller. */
function mainTask(loader: EntryLoader, id: string, G: LuaTable, proc: Proc, args: unknown[]): Task<Proc> {
  const start = new MainStart(loader, id, G, proc, args);
  // MainStart has the whole Generator protocol the scheduler uses (next/return/throw/iterator).
  const task = new Task(proc, start as unknown as LuaGen);
  start.task = task;
  return task;
}

export class SpawnError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

export class ProcessNode implements ProcessExits {
  readonly sched: ProcessScheduler<Proc>;
  readonly procs = new Map<string, Proc>();
  readonly names = new Map<string, Proc>();
  private counter = 0;
  /** exit notices waiting to be delivered (see post) */
  private notices: (Proc | Envelope | undefined)[] = [];
  private draining = false;
  readonly nodeName: string;
  readonly check: PermissionCheck;
  /** the remote layer when processes live on peers too (RemoteHooks) */
  remote: RemoteHooks | undefined = undefined;
  /** the names of the cluster's nodes up now, this one first (runtime/cluster/attach.ts); undefined outside a cluster */
  clusterMembers: (() => readonly string[]) | undefined = undefined;
  /** the registry's cluster scopes (EVENTUAL, CONSISTENT, STRONG; runtime/cluster/names.ts); undefined outside a cluster */
  clusterNames: ClusterNameScopes | undefined = undefined;
  /** every observer attached (observe), merged into `observer`, the one the report points call */
  private observers: ProcessObserver<Proc>[] = [];
  observer: ProcessObserver<Proc> | undefined = undefined;
  /** the observer whose `delivered` the mailboxes call, the busiest report point (observe.ts deliveredBy) */
  deliveredTo: ProcessObserver<Proc> | undefined = undefined;
  /** deliveries while deliveredTo was set (mailbox.ts DeliveryTap); its sampling observer reads it as its total */
  deliveries = 0;
  /** deliveries that still call deliveredTo: Infinity, unless it samples (observe.ts samplesDeliveries) */
  deliveryBudget = Infinity;
  private sampling = false;

  /**
   * Lets `n` more deliveries call the observer that samples them (observe.ts samplesDeliveries), e.g. at each of its
   * windows; nothing when it is not the only one reporting deliveries (then every delivery calls).
   */
  sampleDeliveries(n: number): void {
    if (this.sampling) this.deliveryBudget = n;
  }

  /**
   * Attaches an observer (the inspector, tracing); several may watch at once. Returns the function that detaches
   * it; with the last one gone every report point is back to a single undefined check.
   */
  observe(o: ProcessObserver<Proc>): () => void {
    this.observers = [...this.observers, o];
    this.mergeObservers();
    return () => {
      this.observers = this.observers.filter((x) => x !== o);
      this.mergeObservers();
    };
  }

  private mergeObservers(): void {
    const m = mergeObservers(this.observers);
    this.observer = m;
    const to = deliveredBy(this.observers, m);
    this.deliveredTo = to;
    // a merged observer never samples: each of its observers with `delivered` is called for every delivery
    const sampling = to !== undefined && to.samplesDeliveries === true;
    // a sampler starts unlimited, its own count deciding until it sets the budget (sampleDeliveries)
    if (!sampling || !this.sampling) this.deliveryBudget = Infinity;
    this.sampling = sampling;
    const task = m?.task;
    this.sched.onTask = task === undefined ? undefined : task.bind(m);
    const parked = m?.parked;
    this.sched.onParked = parked === undefined ? undefined : parked.bind(m);
    const keep = m?.keepsWaits === true;
    // a wait kept before (an earlier watcher) may be stale by now, and none is held while nobody asks
    if (keep !== this.sched.keepWaits) for (const p of this.procs.values()) p.forgetWaits();
    this.sched.keepWaits = keep;
    this.sched.parksWatched = keep || parked !== undefined;
  }

  constructor(readonly opts: NodeOptions) {
    this.sched = new ProcessScheduler<Proc>(opts.time, opts.maxRunMs);
    this.nodeName = opts.nodeName ?? 'local';
    this.check = opts.check ?? (() => true);
    this.memory = new MemoryGuard(
      opts.memory ?? {},
      (proc, message) => this.exitProcess(proc, { value: undefined, error: this.makeError(message, LIMIT_EXCEEDED) }),
      () => this.procs.values(),
    );
    // with both limits off nothing is measured at all
    if (this.memory.processLimit !== Infinity || this.memory.heapMark !== Infinity) this.sched.memory = this.memory;
    this.maxProcesses = opts.maxProcesses !== undefined && opts.maxProcesses > 0 ? opts.maxProcesses : Infinity;
    if (opts.pidSpace !== undefined && opts.pidSpace.threads > 1) {
      this.pidThreads = opts.pidSpace.threads;
      this.pidIndex = opts.pidSpace.index;
    }
    const hostMax = opts.hostMaxProcesses;
    if (hostMax !== undefined && hostMax.size > 0) this.hostCounts = new Map([...hostMax.keys()].map((h) => [h, 0]));
  }

  readonly memory: MemoryGuard<Proc>;
  private readonly maxProcesses: number;
  /** live processes per host that has a limit (undefined: no host has one, nothing is counted) */
  private readonly hostCounts: Map<string, number> | undefined = undefined;

  /**
   * Raises SpawnError when a spawn on `hostId` would pass a limit: the node's or the host's process count (Wippy's
   * scheduler: "max processes limit exceeded", kind LimitExceeded, system/scheduler/actor/scheduler.go Submit), or a
   * heap above the memory guard's mark (a spawn bomb stops growing there).
   */
  private checkLimits(hostId: string): void {
    if (this.procs.size >= this.maxProcesses) throw new SpawnError(LIMIT_EXCEEDED, 'max processes limit exceeded');
    const counts = this.hostCounts;
    if (counts !== undefined) {
      const n = counts.get(hostId);
      if (n !== undefined && n >= this.opts.hostMaxProcesses!.get(hostId)!) throw new SpawnError(LIMIT_EXCEEDED, 'max processes limit exceeded');
    }
    if (this.memory.refuseSpawn()) throw new SpawnError(LIMIT_EXCEEDED, 'not enough memory to spawn a process');
  }

  /** Counts a process in or out of its host's limit (only hosts with a limit are counted). */
  private countOnHost(hostId: string, d: number): void {
    const counts = this.hostCounts!;
    const n = counts.get(hostId);
    if (n !== undefined) counts.set(hostId, n + d);
  }

  /** The process whose task is running (undefined for host code). */
  get current(): Proc | undefined {
    return this.sched.current?.proc;
  }

  private newPid(hostId: string): string {
    return this.pidText(hostId, this.pidNumber(++this.counter, this.pidIndex));
  }

  /** NodeOptions.pidSpace: threads sharing the pid space, and this one's number */
  private readonly pidThreads: number = 1;
  private readonly pidIndex: number = 0;

  /** The number of this thread's k-th pid for a process thread `home` runs (NodeOptions.pidSpace). */
  private pidNumber(k: number, home: number): number {
    const t = this.pidThreads;
    return t === 1 ? k : (k * t + this.pidIndex) * t + home;
  }

  /** A fresh pid on `hostId` for a process that thread `home` of this node's pid space will run (a remote spawn). */
  allocPid(hostId: string, home: number): string {
    return this.pidText(hostId, this.pidNumber(++this.counter, home));
  }

  /** The thread of this node's pid space that runs the process of pid number `n`. */
  homeOf(n: number): number {
    return n % this.pidThreads;
  }

  /**
   * The text of a pid: Wippy's PID.String() (api/pid/pid.go) is `{node@host|uniq}`, the `node@` part only when the
   * node has a name; a standalone node is "local", which Wippy leaves out of its pids (boot/components/core/
   * infrastructure.go PIDGen), so they read `{app:processes|0x00001}`.
   */
  pidOf(hostId: string, uniq: string): string {
    return [this.pidHostPrefix(hostId), uniq, '}'].join('');
  }

  private pidHostPrefix(hostId: string): string {
    return this.nodeName === 'local' ? `{${hostId}|` : `{${this.nodeName}@${hostId}|`;
  }

  /**
   * The text of pid number `c` on `hostId` (`{host|0x0002a}`): the uniq id is Wippy's counter in hex, at least five
   * digits, then six, eight and sixteen (internal/uniqid/uniq_id.go Generate).
   */
  private pidText(hostId: string, c: number): string {
    if (hostId !== this.pidHost) {
      this.pidHost = hostId;
      this.pidPrefix = `${this.pidHostPrefix(hostId)}0x`;
      const codes: number[] = [];
      for (let i = 0; i < this.pidPrefix.length; i++) codes.push(this.pidPrefix.charCodeAt(i));
      codes.push(48, 48, 48, 48, 48, 125 /* } */);
      this.pidCodes = codes;
    }
    if (c > 0xfffff) return [this.pidPrefix, c.toString(16).padStart(c > 0xffffffff ? 16 : c > 0xffffff ? 8 : 6, '0'), '}'].join('');
    // Five hex digits written into the cached char codes of the whole pid, made into one flat string: half the time
    // of toString(16) and a join (a template literal would leave cons strings, ~130 bytes more per process).
    const codes = this.pidCodes;
    let at = codes.length - 2;
    for (let v = c, i = 0; i < 5; i++, v >>>= 4) codes[at--] = HEX_CODES[v & 15]!;
    return String.fromCharCode.apply(null, codes);
  }
  /**
   * The pid the next spawn on `hostId` will get, made without taking it: a check that must name the child (the
   * process.send of Spawner:with_message) runs before the spawn, so a denial leaves nothing behind.
   */
  nextPid(hostId: string): string {
    return this.pidText(hostId, this.pidNumber(this.counter + 1, this.pidIndex));
  }
  /** the host of the last pid made, that pid's text up to the counter, and its char codes with room for 5 digits */
  private pidHost = '';
  private pidPrefix = '';
  private pidCodes: number[] = [];

  /**
   * An error the node itself reports for a process (terminated, linked process failed, a failing exit's message):
   * made by the runtime, as in Wippy where Go makes it, so it carries no Lua frames. Capturing the JS stack here
   * would only find whoever happened to be running (the terminator's frames, or none), at the cost of a stack walk
   * per exit: 4% of the ring benchmark, which terminates its 503 processes each round.
   */
  makeError(message: string, kind = ''): LuaErrorValue {
    return createError({ message, kind, frames: NO_FRAMES });
  }

  tracebackOf(err: LuaError): string | undefined {
    const frames = err.luaFrames();
    return frames.length === 0 ? undefined : formatTraceback(frames);
  }

  /** Resolves a pid string or a registered name to a live process. */
  resolve(dest: string): Proc | undefined {
    const p = this.procs.get(dest);
    if (p !== undefined) return p;
    return this.lookupName(dest) ?? (this.remote === undefined ? undefined : this.remote.proxy(dest));
  }

  /** The process of pid `pid`: a local one, or the stand-in of a process a peer runs (undefined: neither). */
  lookup(pid: string): Proc | undefined {
    const p = this.procs.get(pid);
    if (p !== undefined || this.remote === undefined) return p;
    return this.remote.proxy(pid);
  }

  /**
   * The process a registry name names. In a cluster the cluster scopes come first (CONSISTENT/STRONG, then EVENTUAL,
   * as Wippy resolves), so a cluster-wide name shadows a LOCAL one; then this node's names; else (with worker-thread
   * peers) the stand-in of a peer's registration.
   */
  lookupName(name: string): Proc | undefined {
    if (this.clusterNames !== undefined) {
      const pid = this.clusterNames.lookup(name);
      if (pid !== undefined) return this.lookup(pid);
    }
    const p = this.names.get(name);
    if (p !== undefined || this.remote === undefined) return p;
    const pid = this.remote.lookupName(name);
    return pid === undefined ? undefined : this.remote.proxy(pid);
  }

  /**
   * Spawns a process running entry `id` on host `hostId`. Link and monitor are made before the child runs (atomic,
   * spec §2.4). Raises SpawnError for an unknown entry or host.
   */
  spawn(parent: Proc | undefined, id: string, hostId: string, args: unknown[], opts: SpawnOptions = {}): Proc {
    if (!this.opts.loader.hasEntry(id)) throw new SpawnError('NotFound', `process entry not found: ${id}`);
    const remote = this.remote;
    // a host on a peer (a cluster's NODE@HOST) is not a host of this node: the peer checks it
    if (remote !== undefined && opts.pid === undefined) {
      const peer = remote.spawnPeer(hostId);
      if (peer !== undefined) return remote.spawn(parent, id, hostId, peer, args, opts);
    }
    if (!this.opts.loader.hasHost(hostId)) throw new SpawnError('NotFound', `host not found: ${hostId}`);
    return this.start(parent, id, hostId, args, opts);
  }

  /**
   * Starts a call of function entry `id`: a process of its own (its own pid and globals, the caller's context and
   * security unless `opts` says otherwise) whose host is the function itself, as in Wippy, where each function is
   * its own host for message routing (system/function/functions.go executor). Its main's results are the call's.
   * Raises SpawnError for an unknown function or past a limit.
   */
  spawnFunction(parent: Proc | undefined, id: string, args: unknown[], opts: SpawnOptions = {}): Proc {
    if (!this.opts.loader.hasFunction(id)) throw new SpawnError('NotFound', `function entry not found: ${id}`);
    return this.start(parent, id, id, args, opts);
  }

  private start(parent: Proc | undefined, id: string, hostId: string, args: unknown[], opts: SpawnOptions): Proc {
    this.checkLimits(hostId);
    const proc = new Proc(this, opts.pid ?? this.newPid(hostId), id);
    if (this.hostCounts !== undefined) this.countOnHost(hostId, 1);
    // Context maps are never mutated after spawn, so a child without new values shares its parent's.
    const inherited = parent?.context ?? EMPTY_CONTEXT;
    if (opts.context === undefined || opts.context.size === 0) proc.context = inherited;
    else {
      // each child gets its own copies of the spawner's values (Wippy converts them anew for every child)
      const ctx = new Map(inherited);
      for (const [k, v] of opts.context) ctx.set(k, copyValue(v));
      proc.context = ctx;
    }
    // A child runs with the actor and scope its spawner set, else its parent's (Wippy ctx_inherit.lua).
    const own = opts.security;
    if (own === undefined) proc.security = parent?.security; // shared: a security context is never mutated
    else {
      const actor = own.actor ?? parent?.security?.actor;
      const scope = own.scope ?? parent?.security?.scope;
      if (actor !== undefined || scope !== undefined) proc.security = { actor, scope };
    }
    this.procs.set(proc.pid, proc);
    if (parent !== undefined) {
      if (opts.link === true) {
        proc.links.add(parent);
        parent.links.add(proc);
      }
      if (opts.monitor === true) {
        proc.addMonitor(parent);
        parent.monitoring.add(proc);
      }
    }
    if (opts.name !== undefined) {
      this.names.set(opts.name, proc);
      proc.names.add(opts.name);
      if (this.remote !== undefined) this.remote.named(opts.name, proc.pid);
    }
    const o = this.observer;
    if (o !== undefined && o.spawned !== undefined) o.spawned(proc, parent, id, hostId, opts);
    const G = this.opts.globals(proc);
    proc.G = G;
    const task = mainTask(this.opts.loader, id, G, proc, copyValues(args));
    proc.addTask(task, true);
    this.sched.enqueue(task);
    const messages = opts.messages;
    if (messages !== undefined) {
      for (const m of messages) this.send(parent, proc, m.topic, m.payloads);
    }
    return proc;
  }

  /**
   * A process without tasks, for a host's JS mailbox: it has pid `pid`, so processes send to it, monitor it and link
   * to it, and it can monitor them; everything delivered to it goes to `hook`. The host ends it with exitProcess.
   */
  endpoint(pid: string, entryId: string, hook: DeliveryHook): Proc {
    const proc = new Proc(this, pid, entryId);
    proc.deliveryHook = hook;
    this.procs.set(pid, proc);
    const o = this.observer;
    if (o !== undefined && o.spawned !== undefined) o.spawned(proc, undefined, entryId, proc.hostId, {});
    return proc;
  }

  /**
   * process.upgrade: the same pid, mailbox, links and monitors run new code; tasks, subscriptions and local state
   * are discarded (spec §2.7).
   */
  upgrade(proc: Proc, id: string, args: unknown[]): void {
    for (const t of proc.takeTasks()) {
      this.sched.drop(t);
      if (t !== this.sched.current) {
        try {
          t.gen.return(undefined);
        } catch {
          // dropped anyway
        }
      }
    }
    proc.resetSubscriptions();
    const G = this.opts.globals(proc);
    proc.G = G;
    const task = mainTask(this.opts.loader, id, G, proc, copyValues(args));
    proc.addTask(task, true);
    this.sched.enqueue(task);
  }

  /** Starts another task in `proc` (coroutine.spawn), queued before the parent continues. */
  spawnTask(proc: Proc, fn: unknown): Task<Proc> {
    const task = new Task(proc, runAsGenerator(fn, []));
    proc.addTask(task, false);
    this.sched.enqueue(task);
    return task;
  }

  /** A message from host code or a spawner (from: undefined for a host); process.send makes its Message itself. */
  send(from: Proc | undefined, target: Proc, topic: string, payloads: unknown[]): void {
    target.deliverMessage(messageOf(topic, from?.pid ?? '', copyValues(payloads)));
  }

  eventTable(kind: string, from: string, fields: Record<string, unknown>): LuaTable {
    return tableFromRecord({ kind, from, at: Math.floor(this.sched.now() / 1000), ...fields });
  }

  /**
   * An EXIT or LINK_DOWN event table: kind, from, at, result = {value, error} (fields in that order, nil skipped);
   * `value` is copied for this one recipient.
   */
  private exitEvent(kind: string, from: string, value: unknown, error: unknown): LuaTable {
    const res = new LuaTable();
    if (value !== undefined) res.value = copyValue(value);
    if (error !== undefined) res.error = error;
    const t = new LuaTable();
    t.kind = kind;
    t.from = from;
    t.at = Math.floor(this.sched.coarseNow() / 1000);
    t.result = res;
    return t;
  }

  cancel(from: Proc | undefined, target: Proc, reason: string): void {
    const o = this.observer;
    if (o !== undefined && o.cancelled !== undefined) o.cancelled(target, from, reason);
    target.deliverEvent({
      topic: EVENTS_TOPIC,
      from: from?.pid ?? '',
      payloads: NO_PAYLOADS,
      event: this.eventTable(EVENT_CANCEL, from?.pid ?? '', { reason }),
    });
  }

  /**
   * Delivers `env` to `to` now, or after the notice being delivered when called from one: a LINK_DOWN that kills a
   * process sends that process's own notices, so a long chain of links would otherwise recurse once per process.
   */
  private post(to: Proc, env: Envelope): void {
    const notices = this.notices;
    if (this.draining) {
      notices.push(to, env);
      return;
    }
    this.draining = true;
    try {
      to.deliverEvent(env);
      for (let i = 0; i < notices.length; i += 2) {
        const p = notices[i] as Proc;
        const e = notices[i + 1] as Envelope;
        // a delivered notice is let go at once: a cascade through 100,000 links would otherwise hold every event
        // table of it until the end (tens of MB, enough to take a nearly full heap over V8's limit)
        notices[i] = notices[i + 1] = undefined;
        p.deliverEvent(e);
      }
    } finally {
      if (notices.length !== 0) notices.length = 0;
      this.draining = false;
    }
  }

  /** Ends a process: tasks stop, names are released, then EXIT to monitors and LINK_DOWN to links on failure. */
  exitProcess(proc: Proc, result: ExitResult): void {
    if (!proc.alive) return;
    const o = this.observer;
    if (o !== undefined && o.exited !== undefined) o.exited(proc, result);
    proc.alive = false;
    const main = proc.mainTask;
    if (main !== undefined) this.stopTask(main);
    const others = proc.takeOtherTasks();
    if (others !== undefined) for (const t of others) this.stopTask(t);
    proc.mainTask = undefined;
    const names = proc.namesIfAny;
    if (names !== undefined) {
      for (const name of names) {
        if (this.names.get(name) !== proc) continue;
        this.names.delete(name);
        if (this.remote !== undefined) this.remote.named(name, undefined);
      }
      names.clear();
    }
    // a stand-in of a remote process (runtime/distrib/remote.ts) is in neither the map nor a host's count
    if (this.procs.delete(proc.pid) && this.hostCounts !== undefined) this.countOnHost(proc.hostId, -1);
    // Every monitor and link gets its own copy of the exit value (copied in exitEvent): one copy in two events
    // would be one table shared by two processes.
    const value = result.value;
    const monitors = proc.takeMonitors();
    if (monitors instanceof Proc) this.notifyExit(monitors, proc, value, result.error);
    else if (monitors !== undefined) for (const m of monitors) this.notifyExit(m, proc, value, result.error);
    const monitoring = proc.monitoringIfAny;
    if (monitoring !== undefined) {
      for (const p of monitoring) p.removeMonitor(proc);
      monitoring.clear();
    }
    const linkSet = proc.linksIfAny;
    if (linkSet !== undefined) {
      const links = [...linkSet];
      linkSet.clear();
      for (const l of links) {
        l.linksIfAny?.delete(proc);
        if (result.error !== undefined) {
          const event = this.exitEvent(EVENT_LINK_DOWN, proc.pid, value, result.error);
          this.post(l, { topic: EVENTS_TOPIC, from: proc.pid, payloads: NO_PAYLOADS, event, linkDown: true });
        }
      }
    }
    const observers = proc.onExitIfAny;
    if (observers !== undefined) for (const cb of observers) cb(result);
    proc.release();
  }

  /** EXIT of `proc` to its monitor `m`. */
  private notifyExit(m: Proc, proc: Proc, value: unknown, error: unknown): void {
    m.monitoringIfAny?.delete(proc);
    const event = this.exitEvent(EVENT_EXIT, proc.pid, value, error);
    this.post(m, { topic: EVENTS_TOPIC, from: proc.pid, payloads: NO_PAYLOADS, event });
  }

  /** Takes a task out of the scheduler and closes its generator. */
  private stopTask(t: Task<Proc>): void {
    this.sched.drop(t);
    try {
      t.gen.return(undefined);
    } catch {
      // a task that cannot be closed is simply dropped
    }
  }

  terminate(proc: Proc): void {
    if (this.remote !== undefined && this.remote.isProxy(proc)) return this.remote.terminate(proc);
    const o = this.observer;
    if (o !== undefined && o.terminated !== undefined && proc.alive) o.terminated(proc, this.current);
    this.exitProcess(proc, { value: undefined, error: this.makeError('process terminated', 'Internal') });
  }
}

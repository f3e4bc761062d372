// The embedding API: host code creates a process runtime, loads a Wippy app or registers Lua entries, spawns
// processes, sends them messages from JS, and observes what they receive (events, messages) as RxJS Observables.
// JS-side mailboxes get a pid of their own, so Lua processes can reply to host code, monitor it or be monitored.
// Hosts see the interfaces EmbeddedRuntime and Mailbox; the classes behind them (and the process runtime they drive)
// are not exported, so the package's type declarations show only the public surface.
import { Observable, Subject, VirtualTimeScheduler, type SchedulerLike, type Subscription } from 'rxjs';
import { pathToFileURL } from 'node:url';
import type { CompiledChunkModule, LuaTable } from '../runtime/index.js';
import {
  APP_DIAGNOSTIC_CODES,
  createIoModule,
  createProcessRuntime,
  EVENT_CANCEL,
  EVENT_EXIT,
  EVENT_LINK_DOWN,
  EVENTS_TOPIC,
  applyOverrides,
  loadApp,
  NodeTimeScheduler,
  Proc,
  shutdownNode,
  type CompiledChunk,
  type Entry,
  type Envelope,
  type ExitResult,
  type LineReader,
  type MemoryLimits,
  type ProcessEntry,
  type ProcessRuntime,
  joinCluster,
  type ClusterNode,
  type ClusterOptions,
} from '../runtime/process/index.js';
import { callFunction, installPlatformModules, loadPlatformModules, type LogLevel, type LogRecord } from '../runtime/modules/index.js';
import { formatDiagnostic, isError } from '../diagnostics/index.js';
import { addAppEntries, AppStartError, refreshAppEntries } from './app-runtime.js';
import { logSinkFor, type LogFormat } from './log-sink.js';
import { readMap } from './cache.js';
import { compileSourceCached } from './compile-cached.js';
import { toJS, toLua } from './values.js';
import { toLuaString } from './lua-string.js';
import { readyRunsNow } from './ready-now.js';
import { RecentExits } from './recent-exits.js';
import { workersOnOneThread } from './worker-hosts/one-thread.js';
import { startTracing, type Tracing, type TracingOptions } from './tracing/start-tracing.js';
import type { InspectOptions, InspectorServer } from './inspector/server.js';

export interface EmbedOptions {
  /**
   * the clock; real time by default. With a VirtualTimeScheduler (tests), processes that are ready run on the host's
   * next turn as with real time; only sleeps and timers wait for the clock (`flush()`, or `runUntilIdle()`).
   */
  time?: SchedulerLike;
  /** print / io output (Lua byte strings); stdout by default */
  write?: (s: string) => void;
  /** asked before each permission-checked operation (action, resource, the process asking); false denies it */
  check?: (action: string, resource: string, caller: ProcessInfo | undefined) => boolean;
  stdin?: LineReader;
  /**
   * The liveness backstop: a process that runs this long (ms) without giving way (a loop where nothing can yield) is
   * stopped with an error; 0 turns it off. Default 5000.
   */
  maxRunMs?: number;
  /**
   * Memory limits: `processMemoryMb` per process (default 512, 0: none), `heapFraction` the node-wide guard's mark as
   * a fraction of V8's heap limit (default 0.75, 1: no guard). A process past either is stopped with an error
   * (its monitors get EXIT); docs/process-model.md "Memory".
   */
  memory?: MemoryLimits;
  /** the most processes alive at once; a spawn past it fails with "max processes limit exceeded" (default: none) */
  maxProcesses?: number;
  /** where log records go (the logger module): a sink of one's own, else logFormat on stderr */
  log?: (r: LogRecord) => void;
  /** the least level logged (default info; debug with a sink of one's own) */
  logLevel?: LogLevel;
  /** the form of log lines on stderr: console (default, for people) or json (one object per line) */
  logFormat?: LogFormat;
  /** the environment variables the env module reads (process.env by default) */
  environment?: Readonly<Record<string, string | undefined>>;
  /**
   * OpenTelemetry tracing (docs/tracing.md): spans of every process and message go to `tracerProvider`'s tracer
   * (set up with the exporter of one's choice); messages sent from host code inside an active span continue its
   * trace. Off when absent, at no cost.
   */
  tracing?: TracingOptions;
  /**
   * The inspector (docs/inspector.md): a web page and JSON API showing this runtime's processes live, on 127.0.0.1
   * (port 9230 by default, 0: any), with a token; `control: true` allows terminate / cancel (permission-checked as
   * host code: `check` with no caller) and virtual-time pause / step. Off when absent, at no cost.
   */
  inspect?: InspectOptions;
  /**
   * Join a cluster over NATS as node `cluster.node` (issue 16; docs/cluster.md): pids read `{node@host|...}` and a
   * host of node B is `B@HOST`. The join is asynchronous: await `runtime.cluster` before using other nodes.
   */
  cluster?: ClusterOptions;
}

/** The process a permission check is asked for. */
export interface ProcessInfo {
  readonly pid: string;
  /** the entry it runs ("ns:name") */
  readonly entryId: string;
}

/** A Lua entry given as source text. */
export interface EntrySource {
  /** Lua source (text; encoded as UTF-8 bytes) */
  source: string;
  /** the function of the returned table that is main (default "main"); null: the chunk returns main itself */
  method?: string | null;
  /** modules bound as globals (default: none) */
  modules?: string[];
  /** alias → id of a library registered with registerLibrary */
  imports?: Record<string, string>;
}

/** The kinds of ProcessEvent: the values of Lua's `process.event.EXIT`, `LINK_DOWN` and `CANCEL`. */
export const EventKind = { EXIT: EVENT_EXIT, LINK_DOWN: EVENT_LINK_DOWN, CANCEL: EVENT_CANCEL } as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

/** An event a process receives (CANCEL, EXIT of a monitored process, LINK_DOWN), or its own exit, as JS values. */
export interface ProcessEvent {
  kind: EventKind;
  from: string;
  reason?: string;
  result?: { value: unknown; error: unknown };
}

/** A message delivered to a process (or a JS mailbox), payloads as JS values. */
export interface ProcessMessage {
  topic: string;
  from: string;
  payloads: unknown[];
  /** the first payload */
  data: unknown;
}

/** How a process ended, as JS values. */
export interface ProcessExit {
  pid: string;
  value: unknown;
  /** undefined for a normal exit */
  error: unknown;
  traceback?: string;
}

/** How a function call ended (EmbeddedRuntime.call): main's first value, or the failure. */
export interface FunctionResult {
  value: unknown;
  /** undefined when the call succeeded; a LuaProcessError for a Wippy error value */
  error: unknown;
  traceback?: string;
  /** true when `timeoutMs` stopped it */
  timedOut?: boolean;
}

const messageOf = (env: Envelope): ProcessMessage => {
  const payloads = env.payloads.map((p) => toJS(p));
  return { topic: env.topic, from: env.from, payloads, data: payloads[0] };
};

const eventOf = (t: LuaTable): ProcessEvent => toJS(t) as ProcessEvent;

/** A JS endpoint with a pid: what Lua sends to it comes out of `messages$`, EXIT of what it monitors on `events$`. */
export interface Mailbox {
  /** its pid: Lua replies to it, monitors it, links to it */
  readonly pid: string;
  /** Messages sent to this mailbox, optionally of one topic. */
  messages$(topic?: string): Observable<ProcessMessage>;
  /** EXIT and LINK_DOWN events of the processes this mailbox monitors or is linked to. */
  events$(): Observable<ProcessEvent>;
  /** Sends from this mailbox: replies to `msg:from()` come back here. False if there is no such process. */
  send(dest: string, topic: string, ...values: unknown[]): boolean;
  /** Monitors a process: its EXIT arrives on events$. */
  monitor(pid: string): boolean;
  /** Removes the mailbox (monitors get its EXIT, a normal one). */
  close(): void;
}

/** The mailbox is a process of the node (it has a pid, monitors, names) whose deliveries go to JS subjects. */
class HostMailbox implements Mailbox {
  private readonly msgs = new Subject<ProcessMessage>();
  private readonly evts = new Subject<ProcessEvent>();
  /** the node's endpoint process behind this mailbox */
  readonly proc: Proc;

  constructor(
    private readonly node: ProcessRuntime['node'],
    pid: string,
  ) {
    this.proc = node.endpoint(pid, 'host:mailbox', (env) => {
      if (env.topic === EVENTS_TOPIC) {
        if (env.event !== undefined) this.evts.next(eventOf(env.event));
      } else {
        this.msgs.next(messageOf(env));
      }
      return true;
    });
  }

  get pid(): string {
    return this.proc.pid;
  }

  /** Messages sent to this mailbox, optionally of one topic. */
  messages$(topic?: string): Observable<ProcessMessage> {
    return new Observable<ProcessMessage>((sub) =>
      this.msgs.subscribe({
        next: (m) => (topic === undefined || m.topic === topic) && sub.next(m),
        complete: () => sub.complete(),
      }),
    );
  }

  /** EXIT and LINK_DOWN events of the processes this mailbox monitors or is linked to. */
  events$(): Observable<ProcessEvent> {
    return this.evts.asObservable();
  }

  /** Sends from this mailbox: replies to `msg:from()` come back here. */
  send(dest: string, topic: string, ...values: unknown[]): boolean {
    const target = this.node.resolve(dest);
    if (target === undefined || topic === '' || topic.startsWith('@')) return false;
    this.node.send(this.proc, target, toLuaString(topic), values.map((v) => toLua(v)));
    return true;
  }

  /** Monitors a process: its EXIT arrives on events$. */
  monitor(pid: string): boolean {
    const target = this.node.resolve(pid);
    if (target === undefined) return false;
    target.monitors.add(this.proc);
    this.proc.monitoring.add(target);
    this.node.observer?.monitored?.(this.proc, target, true);
    return true;
  }

  /** Removes the mailbox (monitors get its EXIT, a normal one). */
  close(): void {
    this.node.exitProcess(this.proc, { value: undefined, error: undefined });
    this.msgs.complete();
    this.evts.complete();
  }
}

/** A process runtime inside a host program (createRuntime). */
export interface EmbeddedRuntime {
  /** the clock it was given (real time by default) */
  readonly time: SchedulerLike;
  /** true when no process is ready to run (those left wait for messages, events or timers) */
  readonly idle: boolean;
  /**
   * Loads a Wippy app folder: its process entries and hosts join this runtime, after its `.wippy.yaml` `override:`
   * section and `opts.overrides` (`NS:ENTRY:FIELD=VALUE`, as `moonforge run -o`) change its entries. Throws
   * AppStartError on problems; resolves to the warnings found (entries moonforge keeps but does not run, ...), as text.
   */
  loadApp(dir: string, opts?: { overrides?: readonly string[] }): Promise<string[]>;
  /** Adds a host id processes can be spawned on. */
  addHost(id: string): void;
  /** Registers a library entry that process entries can import (its chunk runs once per process). */
  registerLibrary(id: string, lib: { source: string; modules?: string[] }): Promise<void>;
  /** Registers a process entry from Lua source; `id` is its "ns:name" and the chunk name in errors. */
  register(id: string, e: EntrySource): Promise<void>;
  /** Spawns a root process; returns its pid. Throws for an unknown entry or host. */
  spawn(id: string, host: string, ...args: unknown[]): string;
  /** Spawns a process and resolves with its exit. */
  run(id: string, host: string, ...args: unknown[]): Promise<ProcessExit>;
  /**
   * Calls a function.lua entry of a loaded app (or a process.lua entry with a default host) as `funcs.call` does, from
   * no process (empty context, no actor): the call runs in a process of its own and resolves with main's first value,
   * or with its error (a raised one, `nil, err`, an unknown id); `timeoutMs` stops it. Arguments and value are
   * converted as for run.
   */
  call(id: string, args?: unknown[], opts?: { timeoutMs?: number }): Promise<FunctionResult>;
  /**
   * Resolves when the process exits. A process this runtime spawned (spawn, run) that has already ended resolves
   * with its result (the last 1024 are remembered); an unknown pid, or one Lua spawned that has already ended, at
   * once with error "process not found".
   */
  exit(pid: string): Promise<ProcessExit>;
  /** Sends a message from host code (its `from` is "") to a pid or registered name; false if there is none. */
  send(dest: string, topic: string, ...values: unknown[]): boolean;
  /** Sends CANCEL to a process. */
  cancel(dest: string, reason?: string): boolean;
  /** A JS mailbox with its own pid (registered under `name` when given). */
  mailbox(name?: string): Mailbox;
  /**
   * The events a process receives (CANCEL, EXIT of what it monitors, LINK_DOWN), then its own exit as a final
   * `pid.exit` event from itself; completes when it exits. Errors at once for an unknown pid.
   */
  events$(pid: string): Observable<ProcessEvent>;
  /** Messages delivered to a process (of one topic when given), whether or not it reads them; completes at its exit. */
  messages$(pid: string, topic?: string): Observable<ProcessMessage>;
  /**
   * Feeds an Observable into a process: each value becomes a message on `topic` (a Lua process reads them from
   * `process.listen(topic)`, a channel). Stops when the source completes, the process is gone, or on unsubscribe.
   */
  feed(dest: string, topic: string, source$: Observable<unknown>): Subscription;
  /**
   * With a VirtualTimeScheduler: advances the virtual clock until no process is ready and no timer is pending (each
   * sleep and timer fires at its virtual time, at once in real time). A ticker that is never stopped keeps the clock
   * going up to the scheduler's `maxFrames`. Throws for any other clock.
   */
  runUntilIdle(): void;
  /** Host shutdown: CANCEL "scheduler shutdown" to every process, terminate the rest after `timeoutMs`. */
  shutdown(timeoutMs?: number): Promise<number>;
  /** With `inspect`: the inspector once it listens (its `url` holds the token); it closes at shutdown. */
  readonly inspector: Promise<InspectorServer> | undefined;
  /** With `cluster`: this node's membership once joined (rejected with ClusterJoinError); it leaves at shutdown. */
  readonly cluster: Promise<ClusterNode> | undefined;
}

class Embedded implements EmbeddedRuntime {
  readonly rt: ProcessRuntime;
  readonly time: SchedulerLike;
  private readonly exits = new RecentExits();
  private readonly libraries = new Map<string, { chunk: CompiledChunk; modules: string[] }>();
  private readonly taps = new WeakMap<Proc, Subject<Envelope>>();
  private mailboxes = 0;
  /** every entry of the app folders loaded, as the platform modules (registry, funcs, env, ...) see them */
  private readonly registry = new Map<string, Entry>();
  /** the folder of the last app loaded */
  private root = process.cwd();
  private readonly tracing: Tracing | undefined;
  readonly inspector: Promise<InspectorServer> | undefined;
  readonly cluster: Promise<ClusterNode> | undefined;

  constructor(opts: EmbedOptions = {}) {
    this.time = opts.time ?? new NodeTimeScheduler();
    const write = opts.write ?? ((s: string) => process.stdout.write(Buffer.from(s, 'latin1')));
    this.rt = createProcessRuntime({ time: readyRunsNow(this.time), write, check: opts.check, entries: new Map(), hosts: new Set(), maxRunMs: opts.maxRunMs, memory: opts.memory, maxProcesses: opts.maxProcesses, nodeName: opts.cluster?.node });
    this.rt.globals.modules.set('io', createIoModule(this.rt.node.sched, write, opts.stdin));
    installPlatformModules({
      rt: this.rt,
      registry: this.registry,
      ...logSinkFor(opts),
      environment: opts.environment ?? process.env,
      // entries the registry module changes are compiled against every folder loaded (chunk names relative to the
      // last one, as for its own entries)
      entriesChanged: (ids) => refreshAppEntries({ root: this.root, entries: this.registry, get: (id) => this.registry.get(id) }, this.rt, ids),
    });
    this.tracing = opts.tracing === undefined ? undefined : startTracing(this.rt, opts.tracing);
    const inspect = opts.inspect;
    // loaded only when asked for: without it nothing of the inspector is in the process
    this.inspector =
      inspect === undefined
        ? undefined
        : import('./inspector/server.js').then((m) => m.startInspector({ node: this.rt.node, time: this.time, hosts: () => this.rt.hosts }, inspect));
    this.cluster = opts.cluster === undefined ? undefined : joinCluster(this.rt, opts.cluster);
    // a failed join is the caller's to read from `cluster`; not an unhandled rejection when it never looks
    this.cluster?.catch(() => undefined);
  }

  async loadApp(dir: string, opts: { overrides?: readonly string[] } = {}): Promise<string[]> {
    const { app, diagnostics } = await loadApp(dir);
    if (!diagnostics.some(isError)) diagnostics.push(...applyOverrides(app, opts.overrides ?? []));
    if (diagnostics.some(isError)) throw new AppStartError(diagnostics.map((diagnostic) => ({ diagnostic })));
    this.root = app.root;
    for (const e of app.entries.values()) {
      this.registry.set(e.id, e);
      if (e.kind === 'process.host' || e.kind === 'terminal.host') this.rt.hosts.add(e.id);
    }
    await addAppEntries(app, this.rt);
    // this runtime is one thread: a host's `workers:` is said to be ignored (sdk/worker-hosts/one-thread.ts)
    diagnostics.push(...workersOnOneThread(app.entries.values(), 'the embedding API (createRuntime)'));
    return diagnostics.map((d) => formatDiagnostic(d));
  }

  addHost(id: string): void {
    this.rt.hosts.add(id);
  }

  private async compile(id: string, source: string): Promise<CompiledChunk> {
    const out = await compileSourceCached(toLuaString(source), id, true);
    if (!out.ok) throw new AppStartError(out.diagnostics.map((diagnostic) => ({ diagnostic, source: out.source })));
    const url = pathToFileURL(out.jsPath!).href;
    const mapPath = out.mapPath!;
    return { module: (await import(url)) as CompiledChunkModule, url, map: () => readMap(mapPath) };
  }

  /** Registers a library entry that process entries can import (its chunk runs once per process). */
  async registerLibrary(id: string, lib: { source: string; modules?: string[] }): Promise<void> {
    this.libraries.set(id, { chunk: await this.compile(id, lib.source), modules: lib.modules ?? [] });
  }

  /** Registers a process entry from Lua source; `id` is its "ns:name" and the chunk name in errors. */
  async register(id: string, e: EntrySource): Promise<void> {
    const chunk = await this.compile(id, e.source);
    const modules = [...(e.modules ?? [])];
    const imports: Record<string, (G: LuaTable) => unknown> = {};
    for (const [alias, libId] of Object.entries(e.imports ?? {})) {
      const lib = this.libraries.get(libId);
      if (lib === undefined) {
        const message = `import '${alias}' names unknown library '${libId}'`;
        throw new AppStartError([{ diagnostic: { code: APP_DIAGNOSTIC_CODES.UNKNOWN_IMPORT, message, file: id, line: 0, column: 0 } }]);
      }
      for (const m of lib.modules) if (!modules.includes(m)) modules.push(m);
      imports[alias] = (G) => this.rt.runOnce(lib.chunk, libId, G);
    }
    // the listed platform modules' code loads before the entry can be spawned (as addAppEntries does for an app)
    await loadPlatformModules(modules);
    const entry: ProcessEntry = { ...chunk, method: e.method === null ? undefined : (e.method ?? 'main'), modules, imports };
    this.rt.entries.set(id, entry);
  }

  /** Spawns a root process; returns its pid. Throws for an unknown entry or host. */
  spawn(id: string, host: string, ...args: unknown[]): string {
    return this.spawnRecorded(id, host, args).pid;
  }

  run(id: string, host: string, ...args: unknown[]): Promise<ProcessExit> {
    return this.exit(this.spawnRecorded(id, host, args).pid);
  }

  async call(id: string, args: unknown[] = [], opts: { timeoutMs?: number } = {}): Promise<FunctionResult> {
    const r = await callFunction(this.rt, id, args.map((a) => toLua(a)), opts);
    if (r.ok) return { value: toJS(r.value), error: undefined };
    const out: FunctionResult = { value: undefined, error: toJS(r.error) };
    if (r.traceback !== undefined) out.traceback = r.traceback;
    if (r.timedOut === true) out.timedOut = true;
    return out;
  }

  /** Spawns a root process whose exit is remembered, for an exit() asked after it has ended. */
  private spawnRecorded(id: string, host: string, args: unknown[]): Proc {
    const p = this.rt.spawn(id, host, args.map((a) => toLua(a)));
    p.onExit.push((r: ExitResult) => this.exits.record(exitOf(p.pid, r)));
    return p;
  }

  exit(pid: string): Promise<ProcessExit> {
    const p = this.rt.node.resolve(pid);
    if (p === undefined) return Promise.resolve(this.exits.get(pid) ?? { pid, value: undefined, error: 'process not found' });
    return new Promise((resolve) => p.onExit.push((r: ExitResult) => resolve(exitOf(p.pid, r))));
  }

  /** Sends a message from host code (its `from` is "") to a pid or registered name; false if there is none. */
  send(dest: string, topic: string, ...values: unknown[]): boolean {
    const target = this.rt.node.resolve(dest);
    if (target === undefined || topic === '' || topic.startsWith('@')) return false;
    this.rt.node.send(undefined, target, toLuaString(topic), values.map((v) => toLua(v)));
    return true;
  }

  /** Sends CANCEL to a process. */
  cancel(dest: string, reason = ''): boolean {
    const target = this.rt.node.resolve(dest);
    if (target === undefined) return false;
    this.rt.node.cancel(undefined, target, toLuaString(reason));
    return true;
  }

  /** A JS mailbox with its own pid (registered under `name` when given). */
  mailbox(name?: string): Mailbox {
    const host = [...this.rt.hosts][0] ?? 'host';
    const node = this.rt.node;
    if (name !== undefined && node.names.has(name)) throw new Error(`name already registered: ${name}`);
    const mb = new HostMailbox(node, node.pidOf(host, `js${(++this.mailboxes).toString(16)}`));
    if (name !== undefined) {
      node.names.set(name, mb.proc);
      mb.proc.names.add(name);
      node.observer?.named?.(mb.proc, name, true);
    }
    return mb;
  }

  /** Every envelope delivered to `proc`, from now on (one tap per process, shared by subscribers). */
  private tap(proc: Proc): Subject<Envelope> {
    let s = this.taps.get(proc);
    if (s === undefined) {
      const subject = new Subject<Envelope>();
      s = subject;
      // before the hook already there (a JS mailbox's): that one takes what it sees
      const inner = proc.deliveryHook;
      proc.deliveryHook = (env: Envelope) => {
        subject.next(env);
        return inner !== undefined && inner(env);
      };
      this.taps.set(proc, subject);
    }
    return s;
  }

  /**
   * The events a process receives (CANCEL, EXIT of what it monitors, LINK_DOWN), then its own exit as a final
   * `pid.exit` event from itself; completes when it exits. Errors at once for an unknown pid.
   */
  events$(pid: string): Observable<ProcessEvent> {
    return new Observable<ProcessEvent>((sub) => {
      const p = this.rt.node.resolve(pid);
      if (p === undefined) {
        sub.error(new Error(`process not found: ${pid}`));
        return;
      }
      const inner = this.tap(p).subscribe((env) => {
        if (env.topic === EVENTS_TOPIC && env.event !== undefined) sub.next(eventOf(env.event));
      });
      let closed = false;
      p.onExit.push((r) => {
        if (closed) return;
        const exit = exitOf(p.pid, r);
        sub.next({ kind: 'pid.exit', from: p.pid, result: { value: exit.value, error: exit.error } });
        sub.complete();
      });
      return () => {
        closed = true;
        inner.unsubscribe();
      };
    });
  }

  /** Messages delivered to a process (of one topic when given), whether or not it reads them; completes at its exit. */
  messages$(pid: string, topic?: string): Observable<ProcessMessage> {
    return new Observable<ProcessMessage>((sub) => {
      const p = this.rt.node.resolve(pid);
      if (p === undefined) {
        sub.error(new Error(`process not found: ${pid}`));
        return;
      }
      const inner = this.tap(p).subscribe((env) => {
        if (env.topic !== EVENTS_TOPIC && (topic === undefined || env.topic === topic)) sub.next(messageOf(env));
      });
      let closed = false;
      p.onExit.push(() => closed || sub.complete());
      return () => {
        closed = true;
        inner.unsubscribe();
      };
    });
  }

  /**
   * Feeds an Observable into a process: each value becomes a message on `topic` (a Lua process reads them from
   * `process.listen(topic)`, a channel). Stops when the source completes, the process is gone, or on unsubscribe.
   */
  feed(dest: string, topic: string, source$: Observable<unknown>): Subscription {
    const s = source$.subscribe((v) => {
      if (!this.send(dest, topic, v)) s.unsubscribe();
    });
    return s;
  }

  get idle(): boolean {
    return this.rt.node.sched.idle;
  }

  runUntilIdle(): void {
    const clock = this.time;
    if (!(clock instanceof VirtualTimeScheduler)) throw new Error('runUntilIdle needs a virtual clock: createRuntime({ time: new VirtualTimeScheduler() })');
    // flush() runs every action, advancing the clock to each (up to the clock's maxFrames: a ticker that never stops
    // keeps it turning until then); work made due by host callbacks during a round is picked up by the next round
    for (let i = 0; i < 10_000; i++) {
      clock.flush();
      if (this.idle && clock.actions.length === 0) return;
    }
  }

  shutdown(timeoutMs = 10_000): Promise<number> {
    return new Promise((resolve) =>
      shutdownNode(this.rt, this.time, timeoutMs, (n) => {
        this.rt.shutdown();
        this.tracing?.stop();
        void this.cluster?.then((c) => c.leave(), () => undefined);
        if (this.inspector === undefined) resolve(n);
        else void this.inspector.then((i) => i.close()).then(() => resolve(n), () => resolve(n));
      }),
    );
  }
}

function exitOf(pid: string, r: ExitResult): ProcessExit {
  return { pid, value: toJS(r.value), error: r.error === undefined ? undefined : toJS(r.error), traceback: r.traceback };
}

/** Creates an embedded process runtime. */
export function createRuntime(opts: EmbedOptions = {}): EmbeddedRuntime {
  return new Embedded(opts);
}

// Putting the process runtime together: a node (scheduler, processes), the channel runtime, the process globals,
// and a loader for compiled chunks. Hosts (the CLI's app runner, embedding code, tests) start here.
import { setFlagsFromString } from 'node:v8';
import type { SchedulerAction, SchedulerLike } from 'rxjs';
// rxjs's index loads all of rxjs (~400 CommonJS modules, ~50 ms of every start-up); the runtime needs this one class.
// Its own module is the one the index re-exports, so instances are the same class for code that imports 'rxjs'.
import { Subscription } from 'rxjs/internal/Subscription';
import type { LuaTable } from '../core/table.js';
import { rawget } from '../core/table.js';
import { TAIL, bounce } from '../core/call.js';
import { luaError } from '../core/errors.js';
import { instantiateChunk, type CompiledChunkModule } from '../abi.js';
import { registerCompiledChunk } from '../core/chunks.js';
import { ProcessNode, type EntryLoader, type PermissionCheck, type SpawnOptions } from './node.js';
import { createChannelRuntime, type ChannelRuntime } from './channel-module.js';
import { createProcessGlobals, type ProcessGlobals } from './process-globals.js';
import type { Proc } from './proc.js';
import { NodeTimeScheduler } from './scheduler.js';
import type { MemoryLimits } from './memory-guard.js';
import { createPermissionCheck, createSecurityModule, type SecurityModule } from '../security/index.js';
import { PolicyRegistry } from '../security/registry.js';

/** A compiled Lua chunk and what tracebacks need to map its JS frames back to Lua lines. */
export interface CompiledChunk {
  module: CompiledChunkModule;
  /** the URL its JS frames report, and its source map, for Lua positions in errors */
  url?: string;
  map?: () => object | string | undefined;
}

/** A process.lua entry ready to run: its compiled chunk and the function that is its main. */
export interface ProcessEntry extends CompiledChunk {
  /** name of the function in the table the chunk returns (`method:`); undefined when the chunk returns a function */
  method?: string;
  /** where `method:` is written (`src/_index.yaml:7:13`), the position of the error when the table lacks it */
  methodAt?: string;
  /** modules bound as globals before the chunk runs (`modules:`) */
  modules?: string[];
  /**
   * libraries bound as globals, in binding order: alias → the library's value (`imports:`, resolved by the app
   * loader; see `libraryBinder`)
   */
  imports?: Record<string, (G: LuaTable) => unknown>;
  /**
   * The host a call of this process entry as a function runs it on (`meta.default_host`, or
   * `meta.options.default_host`): Wippy registers such a process.lua entry as a function too
   * (service/processfunc/listener.go). Undefined: not callable as a function.
   */
  defaultHost?: string;
}

export interface ProcessRuntimeOptions {
  time?: SchedulerLike;
  write?: (s: string) => void;
  check?: PermissionCheck;
  /**
   * Security policies (issue 5): installs the policy-based permission check (unless `check` is given) and the
   * `security` module processes may require.
   */
  security?: { registry: PolicyRegistry; strictMode: boolean };
  /** process entries by id; the map stays live, so entries may be added after the runtime is created */
  entries: Map<string, ProcessEntry>;
  /** function.lua entries by id (run only as calls: node.spawnFunction); live like `entries` */
  functions?: Map<string, ProcessEntry>;
  /** host ids; live like `entries` */
  hosts: Set<string>;
  /**
   * The liveness backstop: a process that runs this long (ms) without giving way — a loop where nothing can yield,
   * such as a metamethod or a library callback — is stopped with an error (default DEFAULT_MAX_RUN_MS, 5 s).
   */
  maxRunMs?: number;
  /** memory limits: per process (MB) and the node-wide guard's mark (runtime/process/memory-guard.ts) */
  memory?: MemoryLimits;
  /** the most processes alive at once (absent or 0: no limit) */
  maxProcesses?: number;
  /** the most processes alive at once per host id (process.host `host.max_processes`) */
  hostMaxProcesses?: ReadonlyMap<string, number>;
  /** the pid space shared with the node's other threads (NodeOptions.pidSpace; issue 16's worker hosts) */
  pidSpace?: { threads: number; index: number };
  /** this node's name in a cluster (NodeOptions.nodeName: pids read `{name@host|...}`); absent: 'local' */
  nodeName?: string;
}

export interface ProcessRuntime {
  node: ProcessNode;
  globals: ProcessGlobals;
  /** the channel runtime processes share (modules that hand Lua a channel make it here) */
  channels: ChannelRuntime;
  /** the `security` module (the platform modules give it the app's token stores) */
  security: SecurityModule;
  entries: Map<string, ProcessEntry>;
  /** function.lua entries by id */
  functions: Map<string, ProcessEntry>;
  hosts: Set<string>;
  /** spawns a root process (no parent) */
  spawn(id: string, host: string, args?: unknown[], opts?: SpawnOptions): Proc;
  /** runs a compiled chunk once per globals table and returns its value (libraries of `imports:`) */
  runOnce(chunk: CompiledChunk, key: string, G: LuaTable): unknown;
  /** stops all time-driven work for good (pending timers, sleeps, scheduler turns): the host is going away */
  shutdown(): void;
}

/**
 * Wraps the injected time so the runtime can cancel everything still scheduled when its host shuts down (a pending
 * `time.sleep` must not keep Node alive after the root process has exited).
 */
class TrackedTime implements SchedulerLike {
  private readonly active = new Set<Subscription>();
  private closed = false;
  constructor(private readonly inner: SchedulerLike) {}

  now(): number {
    return this.inner.now();
  }

  schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay?: number, state?: T): Subscription {
    if (this.closed) return Subscription.EMPTY;
    const active = this.active;
    let sub: Subscription | undefined = undefined;
    sub = this.inner.schedule(
      function (this: SchedulerAction<T>, s?: T) {
        if (sub !== undefined) active.delete(sub);
        work.call(this, s);
      },
      delay,
      state,
    );
    if (!sub.closed) {
      active.add(sub);
      const added = sub;
      sub.add(() => active.delete(added));
    }
    return sub;
  }

  close(): void {
    this.closed = true;
    for (const s of [...this.active]) s.unsubscribe();
    this.active.clear();
  }
}

/**
 * A pattern with catastrophic backtracking (`("a*"):rep(28) .. "c"`) compiled to a RegExp would run 2^28 steps in
 * one uninterruptible exec and hang every process: with this flag V8 reruns a regexp that backtracks past its limit
 * (50,000) on its linear-time engine, with the same results (same leftmost, greedy/lazy priorities; it refuses
 * back-references and lookarounds, which runtime/lib/string/pattern-regex.ts never makes). It takes effect for
 * regexps made before it too. The default limit is kept: at 1,000 ordinary gsub/gmatch work fell back to the slower
 * engine (bench/cpu/strings twice as long).
 */
setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');

/**
 * V8 tenures an allocation site (allocates its objects in the old generation) after a scavenge in which most of them
 * survived; a Lua list constructor's site judged while a tree is being kept, then used for garbage, fills the old
 * generation with dead arrays that keep their young children alive until a full GC, and the same program takes up to
 * three times the CPU from one run to the next (docs/benchmarks.md, "the cliff"). Every app, bundled or not, runs
 * through here; bin/moonforge.mjs sets it for plain scripts too.
 */
setFlagsFromString('--no-allocation-site-pretenuring');

export function createProcessRuntime(opts: ProcessRuntimeOptions): ProcessRuntime {
  const write = opts.write ?? ((s: string) => process.stdout.write(Buffer.from(s, 'latin1')));
  const factories = new Map<CompiledChunkModule, (G: LuaTable, ...a: unknown[]) => unknown>();
  let globals: ProcessGlobals | undefined;
  const factoryOf = (c: CompiledChunk): ((G: LuaTable, ...a: unknown[]) => unknown) => {
    let main = factories.get(c.module);
    if (main === undefined) {
      if (c.url !== undefined) {
        registerCompiledChunk({ url: c.url, chunkName: c.module.chunkName, functionNames: c.module.functionNames, map: c.map });
      }
      main = instantiateChunk(c.module);
      factories.set(c.module, main);
    }
    return main;
  };
  const runChunk = (c: CompiledChunk, G: LuaTable): unknown => {
    const r = factoryOf(c)(G);
    return r === TAIL ? bounce() : r;
  };
  // spec §1.5: a library runs once per process; its value is shared by every alias that imports it.
  const libraryValues = new WeakMap<LuaTable, Map<string, unknown>>();
  const runOnce = (c: CompiledChunk, key: string, G: LuaTable): unknown => {
    let done = libraryValues.get(G);
    if (done === undefined) {
      done = new Map();
      libraryValues.set(G, done);
    }
    if (done.has(key)) return done.get(key);
    const v = runChunk(c, G);
    done.set(key, v);
    return v;
  };
  const functions = opts.functions ?? new Map<string, ProcessEntry>();
  const loader: EntryLoader = {
    hasEntry: (id) => opts.entries.has(id),
    hasFunction: (id) => functions.has(id),
    hasHost: (id) => opts.hosts.has(id),
    load(id, G) {
      // registry ids are unique across kinds: an id is a process entry or a function entry, never both
      const entry = opts.entries.get(id) ?? functions.get(id);
      // a registry change may delete the entry between the spawn (or call) and this first step of its process
      if (entry === undefined) throw luaError(`entry not found: ${id}`, 0);
      const modules = entry.modules;
      if (modules !== undefined) {
        for (let i = 0; i < modules.length; i++) {
          const m = modules[i]!;
          const mod = globals!.modules.get(m);
          if (mod === undefined) throw luaError(`module '${m}' is not available`);
          G[m] = mod;
        }
      }
      if (entry.imports !== undefined) for (const [alias, make] of Object.entries(entry.imports)) G[alias] = make(G);
      const exported = runChunk(entry, G);
      // a chunk that returns a function gives its method itself, whatever `method:` names (Wippy's
      // runtime/lua/engine/process.go: "Script returned function directly")
      if (entry.method === undefined || typeof exported === 'function') return exported;
      const fn = exported !== undefined && typeof exported === 'object' ? rawget(exported as LuaTable, entry.method) : undefined;
      if (fn === undefined) throw luaError(`${entry.methodAt === undefined ? '' : `${entry.methodAt}: `}method not found: ${entry.method}`, 0);
      return fn;
    },
  };
  const time = new TrackedTime(opts.time ?? new NodeTimeScheduler());
  const node = new ProcessNode({
    time,
    loader,
    globals: (p) => globals!.create(p),
    maxRunMs: opts.maxRunMs,
    memory: opts.memory,
    maxProcesses: opts.maxProcesses,
    hostMaxProcesses: opts.hostMaxProcesses,
    pidSpace: opts.pidSpace,
    nodeName: opts.nodeName,
    check: opts.check ?? (opts.security === undefined ? undefined : createPermissionCheck({ strictMode: opts.security.strictMode })),
  });
  const channels = createChannelRuntime(node.sched);
  globals = createProcessGlobals(node, channels, write);
  // The security module is always there; without policies, actors and scopes can still be built and passed on.
  const sec = createSecurityModule({
    registry: opts.security?.registry ?? new PolicyRegistry(),
    strictMode: opts.security?.strictMode ?? false,
    current: () => node.current?.security,
  });
  globals.modules.set('security', sec.module);
  return {
    node,
    globals,
    channels,
    security: sec,
    entries: opts.entries,
    functions,
    hosts: opts.hosts,
    spawn: (id, host, args = [], o = {}) => node.spawn(undefined, id, host, args, o),
    runOnce,
    shutdown: () => time.close(),
  };
}

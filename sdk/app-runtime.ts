// From a loaded Wippy app to a running process runtime: compiles every Lua entry a process can reach (its own chunk
// and its imported libraries, transitively) in process mode through the compile cache, and turns each process.lua
// and function.lua entry into a ProcessEntry whose `modules:` and `imports:` are bound before main runs (spec §1.5).
// A function.lua entry runs as a call (funcs.call), each call a short-lived process of its own. Entries whose source
// is a .ts file are built first, all of them as one TypeScript program (app-compile.ts, loaded only when compiling).
// A bundle (sdk/bundle/) passes the chunks it was built with instead (`prebuilt`): nothing is compiled then.
import type { SchedulerLike } from 'rxjs';
import type { LuaTable } from '../runtime/index.js';
import { diagnosticRecord, formatDiagnostic, type Diagnostic, type DiagnosticRecord } from '../diagnostics/index.js';
import {
  APP_DIAGNOSTIC_CODES as DIAGNOSTIC_CODES,
  bindingPlan,
  checkModules,
  createAppSecurity,
  createIoModule,
  createProcessRuntime,
  createStreamLineReader,
  isLuaEntry,
  isProcessHost,
  type App,
  type AppSecurity,
  type CompiledChunk,
  type Entry,
  type LineReader,
  type LuaEntry,
  type MemoryLimits,
  type PermissionCheck,
  type ProcessEntry,
  type ProcessRuntime,
  type ProcessRuntimeOptions,
  type SecurityAppView,
  PortTransport,
} from '../runtime/process/index.js';
import { installPlatformModules, loadPlatformModules, type LogLevel, type LogRecord } from '../runtime/modules/index.js';
import { logSinkFor, type LogFormat } from './log-sink.js';
import type { CachedModule } from './cache.js';
import { layoutOf, type ThreadLayout } from './worker-hosts/layout.js';
import type { WorkerHosts } from './worker-hosts/start.js';

export interface AppRuntimeOptions {
  time?: SchedulerLike;
  /** print / io.write output (Lua byte strings) */
  write?: (s: string) => void;
  check?: PermissionCheck;
  /** where io.readline reads lines; the process's stdin by default */
  stdin?: LineReader;
  /** the command's arguments as Lua byte strings (`-x NS:NAME ARGS...`), which io.args() answers with */
  args?: readonly string[];
  /** the liveness backstop's limit in ms (else .wippy.yaml `runtime.max_run_ms`, else 5000) */
  maxRunMs?: number;
  /** memory limits (else .wippy.yaml `runtime.process_memory_mb` / `heap_guard_fraction`, else the defaults) */
  memory?: MemoryLimits;
  /** the most processes alive at once (else .wippy.yaml `runtime.max_processes`, else no limit) */
  maxProcesses?: number;
  /** where log records go (the logger module): a sink of one's own, else logFormat on stderr (sdk/log-sink.ts) */
  log?: (r: LogRecord) => void;
  /** the least level logged (default info; debug with a sink of one's own) */
  logLevel?: LogLevel;
  /** the form of log lines on stderr: console (default, for people) or json (one object per line) */
  logFormat?: LogFormat;
  /** the environment variables the env module reads (process.env by default) */
  environment?: Readonly<Record<string, string | undefined>>;
  /** how the app's .ts entries are built: through the compile cache by default; a watcher keeps an incremental build */
  tsBuild?: TsEntriesBuild;
  /** the entries' chunks compiled ahead of time, by entry id (a bundle's): nothing is compiled, the compiler never loaded */
  prebuilt?: ReadonlyMap<string, PrebuiltChunk>;
  /** with `prebuilt`, what compiles the source text of entries the registry makes at run time (a bundle with the compiler) */
  compileAtRunTime?: RunTimeCompile;
  /** files a bundle carries, read where the file itself is absent (ModuleHost.embeddedFiles) */
  embeddedFiles?: ReadonlyMap<string, string>;
  /** this node's name in a cluster (sdk/cluster-node.ts joins it): pids read `{name@host|...}`; absent: 'local' */
  nodeName?: string;
  /**
   * This runtime is worker thread `index` of a node whose hosts run on worker threads (issue 16; set by
   * sdk/worker-hosts/thread.ts). Undefined on the main thread, which starts the workers when a process.host asks.
   */
  thread?: { index: number; layout: ThreadLayout; transport: PortTransport };
  /**
   * Every host on this thread, whatever its `workers:` (issue 16): for a runtime built only to find the app's problems
   * (`moonforge check`, `moonforge build`), which starts no worker it would then have to end.
   */
  oneThread?: boolean;
}

/**
 * Where the chunks of an app's entries come from: made once per set of entries to load (the .ts entries are built
 * then, as one program), it answers each entry's chunk, or undefined with its problems added to `problems`.
 */
export type ChunkLoader = (app: EntrySet, problems: StartProblem[]) => Promise<(e: LuaEntry) => Promise<CompiledChunk | undefined>>;

/** An entry's chunk compiled ahead of time, and the source it was compiled from (sourceKey). */
export interface PrebuiltChunk extends CompiledChunk {
  source: string;
}

/** What decides an entry's chunk: its file, or its inline code. */
export function sourceKey(e: LuaEntry): string {
  return e.source.type === 'file' ? `file:${e.source.path}` : `inline:${e.source.code}`;
}

/**
 * Compiles the inline source text of entry `id` while the app runs: what a bundle built `--with-lua-compiler` carries
 * (sdk/bundle/runtime-compiler.ts). Undefined, with its problems added to `problems`, when it does not compile.
 */
export type RunTimeCompile = (id: string, code: string, problems: StartProblem[]) => Promise<CompiledChunk | undefined>;

/**
 * The chunks a bundle was built with. An entry the registry module changed at run time to a source the bundle was
 * not built with runs only when the bundle carries the compiler (`compile`), and only when that source is Lua text: a
 * file the bundle was not built with, a .ts one above all, has nothing to compile it.
 */
export function prebuiltLoader(chunks: ReadonlyMap<string, PrebuiltChunk>, compile?: RunTimeCompile): ChunkLoader {
  return async (_app, problems) => async (e) => {
    const c = chunks.get(e.id);
    if (c !== undefined && c.source === sourceKey(e)) return c;
    if (compile !== undefined && e.source.type === 'inline') return compile(e.id, e.source.code, problems);
    const ts = e.source.type === 'file' && e.source.path.endsWith('.ts');
    const why =
      compile === undefined
        ? 'a bundle runs the code it was built with and cannot compile: build it --with-lua-compiler to compile Lua made at run time'
        : ts
          ? 'a bundle compiles Lua at run time, never TypeScript'
          : 'a bundle compiles at run time only the source text of entries the registry makes';
    problems.push({
      diagnostic: {
        code: DIAGNOSTIC_CODES.NOT_PREBUILT,
        message: `${e.id}: its ${ts ? 'TypeScript' : 'code'} is not in the bundle (${why})`,
        ...e.pos,
      },
    });
    return undefined;
  };
}

/** The loader `opts` asks for: the prebuilt chunks (and what compiles at run time), else the compiler (loaded only then). */
async function loaderFor(opts: Pick<AppRuntimeOptions, 'prebuilt' | 'compileAtRunTime' | 'tsBuild'>): Promise<ChunkLoader> {
  if (opts.prebuilt !== undefined) return prebuiltLoader(opts.prebuilt, opts.compileAtRunTime);
  return (await import('./app-compile.js')).compilingLoader(opts.tsBuild);
}

/** Builds the .ts entries `files` (absolute paths) of the app in `root` as one program. */
export type TsEntriesBuild = (root: string, files: readonly string[]) => Promise<{ modules: ReadonlyMap<string, CachedModule>; problems: StartProblem[] }>;

export interface AppRuntime {
  app: App;
  rt: ProcessRuntime;
  /** process.host and terminal.host ids, in load order */
  hosts: string[];
  /** the host a root process runs on when none is named: the first terminal.host, else the first process.host */
  defaultHost: string | undefined;
  /** where io.readline reads (close it when the app ends) */
  stdin: LineReader;
  /** the app's security policies and the contexts its services start with (issue 5) */
  security: AppSecurity;
  /** a process's request to end the program (system.exit): its code once made, and a promise of it; the runner stops the app */
  exitRequest: ExitRequest;
  /** the worker threads of hosts with `workers: N` (issue 16); ended with the runtime (rt.shutdown) */
  workers?: WorkerHosts;
}

export interface ExitRequest {
  code: number | undefined;
  made: Promise<number>;
}

/** A problem that stops an app from starting, with the source it points into when there is one (a compile error). */
export interface StartProblem {
  diagnostic: Diagnostic;
  source?: string;
}

/** Problems that stop an app from starting: every one found, as diagnostics ("file:line:col: error ..."). */
export class AppStartError extends Error {
  /** each problem as text (with its source excerpt when it has one), in the order found, without repeats */
  readonly problems: string[];
  /** the same problems as JSON records, for tools (`--format json`) */
  readonly records: DiagnosticRecord[];
  /** the same problems as found, for a reporter that adds what they lack (`moonforge check`: definition lines) */
  readonly found: StartProblem[];

  constructor(found: readonly StartProblem[]) {
    // A library imported by several processes is checked once per process: the same problem, reported once.
    const unique = new Map<string, { record: DiagnosticRecord; problem: StartProblem }>();
    for (const problem of found) {
      const text = formatDiagnostic(problem.diagnostic, problem.source);
      if (!unique.has(text)) unique.set(text, { record: diagnosticRecord(problem.diagnostic, problem.source), problem });
    }
    super([...unique.keys()].join('\n'));
    this.problems = [...unique.keys()];
    this.records = [...unique.values()].map((u) => u.record);
    this.found = [...unique.values()].map((u) => u.problem);
  }
}

/** The entry kinds compiled to runnable entries: processes (spawned) and functions (called). */
const RUNNABLE_KINDS = new Set(['process.lua', 'function.lua']);

/**
 * The host a process.lua entry runs on when called as a function: `meta.options.default_host`, else
 * `meta.default_host` (Wippy's service/processfunc/listener.go reads them in that order).
 */
function defaultHostOf(e: LuaEntry): string | undefined {
  const options = e.meta.options;
  const fromOptions = options !== null && typeof options === 'object' ? (options as Record<string, unknown>).default_host : undefined;
  const host = typeof fromOptions === 'string' && fromOptions !== '' ? fromOptions : e.meta.default_host;
  return typeof host === 'string' && host !== '' ? host : undefined;
}

/**
 * What compiling entries needs of an app: its entries (by id) and the folder chunk names are relative to. An App is
 * one; the embedding API passes the entries of every folder it loaded.
 */
export type EntrySet = Pick<App, 'root' | 'entries' | 'get'>;

/**
 * Builds the runtime of `app`: every process.lua entry becomes spawnable, every process.host / terminal.host a host.
 * Throws AppStartError listing compile errors and modules moonforge does not provide.
 */
export async function createAppRuntime(app: App, opts: AppRuntimeOptions = {}): Promise<AppRuntime> {
  const entries = new Map<string, ProcessEntry>();
  const hostList = [...app.entries.values()].filter((e) => e.kind === 'process.host' || e.kind === 'terminal.host');
  // Policies are checked at load: a bad policy stops the app with file and line, like any definition error, reported
  // with the entries' problems so that one run (and `moonforge check`) shows them all.
  const security = createAppSecurity(app as unknown as SecurityAppView);
  const policyProblems: StartProblem[] = security.diagnostics.map((diagnostic) => ({ diagnostic }));
  // issue 16: hosts with `workers: N` run on worker threads, which share the node's pid space; a bundle runs every
  // host on its one thread (its chunks are inside it, where a worker could not import them by URL)
  const layout = opts.thread?.layout ?? (opts.prebuilt === undefined && opts.oneThread !== true ? layoutOf(app) : undefined);
  const rt = createProcessRuntime({
    pidSpace: layout === undefined ? undefined : { threads: layout.threads, index: opts.thread?.index ?? 0 },
    time: opts.time,
    write: opts.write,
    check: opts.check,
    nodeName: opts.nodeName,
    security: { registry: security.registry, strictMode: security.strictMode },
    entries,
    hosts: new Set(hostList.map((h) => h.id)),
    maxRunMs: opts.maxRunMs ?? app.config.runtime.maxRunMs,
    ...appLimits(app, hostList, opts),
  });
  const stdin = opts.stdin ?? createStreamLineReader();
  rt.globals.modules.set('io', createIoModule(rt.node.sched, opts.write ?? ((s) => process.stdout.write(Buffer.from(s, 'latin1'))), stdin, opts.args));
  let settle: (code: number) => void = () => {};
  const exitRequest: ExitRequest = { code: undefined, made: new Promise<number>((resolve) => (settle = resolve)) };
  installPlatformModules({
    rt,
    registry: app.entries,
    // the options (the CLI's flags and environment variables) first, then .wippy.yaml `logger:`
    ...logSinkFor({ ...opts, logFormat: opts.logFormat ?? app.config.logger.encoding, logLevel: opts.logLevel ?? app.config.logger.level }),
    exit: (code) => {
      // the first request wins, as the first shutdown does
      if (exitRequest.code !== undefined) return;
      exitRequest.code = code;
      settle(code);
    },
    environment: opts.environment ?? process.env,
    embeddedFiles: opts.embeddedFiles,
    entriesChanged: async (ids) => refreshAppEntries(app, rt, ids, await loaderFor(opts)),
  });
  const chunks = new Map<string, { url: string; source: string }>();
  const loader = await loaderFor(opts);
  await addAppEntries(app, rt, undefined, layout === undefined ? loader : recordingLoader(loader, chunks), policyProblems);
  const terminal = hostList.find((h) => h.kind === 'terminal.host');
  const ar: AppRuntime = { app, rt, hosts: hostList.map((h) => h.id), defaultHost: (terminal ?? hostList[0])?.id, stdin, security, exitRequest };
  if (layout !== undefined) await joinThreads(ar, layout, chunks, opts);
  return ar;
}

/** A loader that also notes where each chunk it gives came from (the worker threads import the same modules). */
function recordingLoader(loader: ChunkLoader, out: Map<string, { url: string; source: string }>): ChunkLoader {
  return async (app, problems) => {
    const chunkOf = await loader(app, problems);
    return async (e) => {
      const c = await chunkOf(e);
      if (c?.url !== undefined) out.set(e.id, { url: c.url, source: sourceKey(e) });
      return c;
    };
  };
}

/**
 * Joins this runtime to the other threads of its node (issue 16): a worker connects to its peers; the main thread
 * starts the workers (sdk/worker-hosts/, loaded only then) and ends them when the runtime shuts down.
 */
async function joinThreads(ar: AppRuntime, layout: ThreadLayout, chunks: ReadonlyMap<string, { url: string; source: string }>, opts: AppRuntimeOptions): Promise<void> {
  const { connectThread } = await import('./worker-hosts/connect.js');
  if (opts.thread !== undefined) {
    connectThread(ar.rt, ar.security.registry, layout, opts.thread.index, opts.thread.transport);
    return;
  }
  const { startWorkerHosts } = await import('./worker-hosts/start.js');
  // the sink the platform modules log to here (createAppRuntime's choice): workers' records go there too
  const sink = logSinkFor({ ...opts, logFormat: opts.logFormat ?? ar.app.config.logger.encoding, logLevel: opts.logLevel ?? ar.app.config.logger.level });
  const workers = await startWorkerHosts({
    app: ar.app,
    rt: ar.rt,
    policies: ar.security.registry,
    layout,
    transport: new PortTransport(layout.names[0]!),
    write: opts.write ?? ((s) => process.stdout.write(Buffer.from(s, 'latin1'))),
    stderr: (s) => process.stderr.write(Buffer.from(s, 'latin1')),
    log: sink.log,
    chunks,
    start: { maxRunMs: opts.maxRunMs ?? ar.app.config.runtime.maxRunMs, maxProcesses: opts.maxProcesses, args: [...(opts.args ?? [])], logLevel: sink.logLevel },
  });
  ar.workers = workers;
  const shutdown = ar.rt.shutdown;
  ar.rt.shutdown = () => {
    shutdown();
    void workers.close();
  };
}

/**
 * The memory and process-count limits of an app: the options given, else `.wippy.yaml` `runtime:`, else the defaults;
 * each process.host's `host.max_processes` limits that host (as Wippy's scheduler does).
 */
function appLimits(app: App, hostList: Entry[], opts: AppRuntimeOptions): Pick<ProcessRuntimeOptions, 'memory' | 'maxProcesses' | 'hostMaxProcesses'> {
  const r = app.config.runtime;
  const hostMax = new Map<string, number>();
  for (const h of hostList) {
    const max = isProcessHost(h) ? h.host.maxProcesses : undefined;
    if (max !== undefined && max > 0) hostMax.set(h.id, max);
  }
  return {
    memory: {
      processMemoryMb: opts.memory?.processMemoryMb ?? r.processMemoryMb,
      heapFraction: opts.memory?.heapFraction ?? r.heapGuardFraction,
    },
    maxProcesses: opts.maxProcesses ?? r.maxProcesses,
    hostMaxProcesses: hostMax,
  };
}

/**
 * Compiles and registers the process and function entries of `app` into `rt` (also used by the embedding API); with
 * `only`, just those of these ids; `loader` gives their chunks (default: compiled through the compile cache). Throws
 * one AppStartError with every problem found, after `found` (problems the caller found before: the app's policies).
 */
export async function addAppEntries(
  app: EntrySet,
  rt: ProcessRuntime,
  only?: ReadonlySet<string>,
  loader?: ChunkLoader,
  found: readonly StartProblem[] = [],
): Promise<void> {
  const problems: StartProblem[] = [...found];
  const chunkOf = await (loader ?? (await loaderFor({})))(app, problems);
  const compiled = new Map<string, Promise<CompiledChunk | undefined>>();
  const compileOnce = (e: LuaEntry): Promise<CompiledChunk | undefined> => {
    let p = compiled.get(e.id);
    if (p === undefined) {
      p = chunkOf(e);
      compiled.set(e.id, p);
    }
    return p;
  };
  const available = new Set(rt.globals.modules.keys());
  const runnable = [...app.entries.values()]
    .filter((e): e is LuaEntry => isLuaEntry(e) && RUNNABLE_KINDS.has(e.kind) && (only === undefined || only.has(e.id)))
    .map((e) => ({ e, plan: bindingPlan(app, e.id)! }));
  // the code of the platform modules these entries list, loaded while they compile; none runs before it is loaded
  const modulesLoaded = loadPlatformModules(runnable.flatMap(({ plan }) => plan.modules));
  const pending: Array<Promise<void>> = [modulesLoaded];
  for (const { e, plan } of runnable) {
    const unavailable: Diagnostic[] = [];
    checkModules(e, plan, available, unavailable);
    for (const diagnostic of unavailable) problems.push({ diagnostic });
    pending.push(
      (async () => {
        const chunk = await compileOnce(e);
        const libs = await Promise.all(plan.libraries.map(async (l) => [l.id, await compileOnce(l)] as const));
        await modulesLoaded;
        if (chunk === undefined || libs.some(([, c]) => c === undefined)) return;
        const libChunks = new Map(libs as ReadonlyArray<readonly [string, CompiledChunk]>);
        const imports: Record<string, (G: LuaTable) => unknown> = {};
        // Dependencies first (the plan's order): a library's own imports are globals before its chunk runs.
        for (const l of plan.libraries) {
          const c = libChunks.get(l.id)!;
          for (const b of plan.bindings) {
            if (b.id === l.id) imports[b.alias] = (G) => rt.runOnce(c, l.id, G);
          }
        }
        // the chunk's table is known only when it runs: a missing method is reported then, at its `method:` line
        const m = e.positions.method;
        const methodAt = m === undefined ? undefined : `${m.file}:${m.line}:${m.column}`;
        const entry: ProcessEntry = { ...chunk, method: e.method, methodAt, modules: plan.modules, imports };
        if (e.kind === 'function.lua') rt.functions.set(e.id, entry);
        else {
          const defaultHost = defaultHostOf(e);
          if (defaultHost !== undefined) entry.defaultHost = defaultHost;
          rt.entries.set(e.id, entry);
        }
      })(),
    );
  }
  await Promise.all(pending);
  if (problems.length > 0) throw new AppStartError(problems);
}

/**
 * After the registry module changed entries `ids` of the live registry (a changeset, a version applied): what no
 * longer exists stops being callable or spawnable, and every process and function entry that changed or imports
 * (directly or through libraries) a changed entry is compiled again, so the next call runs the new code. Rejects with
 * an AppStartError when one does not compile (the registry then puts the entries back as they were).
 */
export async function refreshAppEntries(app: EntrySet, rt: ProcessRuntime, ids: readonly string[], loader?: ChunkLoader): Promise<void> {
  const changed = new Set(ids);
  const affected = new Set<string>();
  for (const e of app.entries.values()) {
    if (!isLuaEntry(e) || !RUNNABLE_KINDS.has(e.kind)) continue;
    if (changed.has(e.id) || bindingPlan(app, e.id)?.libraries.some((l) => changed.has(l.id))) affected.add(e.id);
  }
  // the others keep running their old code until the new one is compiled (a failed compile leaves them as they were)
  for (const id of changed) {
    if (affected.has(id)) continue;
    rt.functions.delete(id);
    rt.entries.delete(id);
  }
  if (affected.size > 0) await addAppEntries(app, rt, affected, loader);
}

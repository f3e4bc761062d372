// From a loaded Wippy app to a running process runtime: compiles every Lua entry a process can reach (its own chunk
// and its imported libraries, transitively) in process mode through the compile cache, and turns each process.lua
// and function.lua entry into a ProcessEntry whose `modules:` and `imports:` are bound before main runs (spec §1.5).
// A function.lua entry runs as a call (funcs.call), each call a short-lived process of its own. Entries whose source
// is a .ts file are built first, all of them as one TypeScript program (ts/app-build.ts, loaded only for them).
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SchedulerLike } from 'rxjs';
import type { CompiledChunkModule, LuaTable } from '../runtime/index.js';
import { diagnosticRecord, formatDiagnostic, type Diagnostic, type DiagnosticRecord } from '../diagnostics/index.js';
import {
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
} from '../runtime/process/index.js';
import { installPlatformModules, type LogLevel, type LogRecord } from '../runtime/modules/index.js';
import { logSinkFor, type LogFormat } from './log-sink.js';
import { readMap } from './cache.js';
import { compileFileCached, compileSourceCached } from './compile-cached.js';
import type { CachedModule } from './cache.js';

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

function chunkNameOf(app: EntrySet, e: LuaEntry): string {
  if (e.source.type === 'file') {
    const rel = relative(app.root, e.source.path);
    return rel.startsWith('..') ? e.source.path : rel.split(sep).join('/');
  }
  // inline code: name the chunk after the entry, as Wippy names it in errors
  return e.id;
}

/** The compiled modules of an app's .ts entries, by source path (their problems are reported once, by the build). */
type TsModules = ReadonlyMap<string, CachedModule>;

async function compileEntry(app: EntrySet, e: LuaEntry, problems: StartProblem[], tsModules: TsModules): Promise<CompiledChunk | undefined> {
  let compiled: CachedModule;
  if (e.source.type === 'file' && e.source.path.endsWith('.ts')) {
    const m = tsModules.get(e.source.path);
    if (m === undefined) return undefined;
    compiled = m;
  } else {
    const chunkName = chunkNameOf(app, e);
    const out =
      e.source.type === 'file'
        ? await compileFileCached(e.source.path, chunkName, true)
        : await compileSourceCached(Buffer.from(e.source.code, 'utf8').toString('latin1'), chunkName, true);
    if (!out.ok) {
      for (const diagnostic of out.diagnostics) problems.push({ diagnostic, source: out.source });
      return undefined;
    }
    compiled = { jsPath: out.jsPath!, mapPath: out.mapPath! };
  }
  const url = pathToFileURL(compiled.jsPath).href;
  const module = (await import(url)) as CompiledChunkModule;
  const mapPath = compiled.mapPath;
  return { module, url, map: () => readMap(mapPath) };
}

/** The kinds whose `.ts` sources are built: what runs (processes, functions) and what they import (libraries). */
const TS_KINDS = new Set([...RUNNABLE_KINDS, 'library.lua']);

/**
 * Builds every .ts entry of `app` as one program (the type checker runs once for the app), when it has any; its
 * problems are added to `problems`.
 */
async function buildTsEntries(app: EntrySet, problems: StartProblem[], tsBuild?: TsEntriesBuild): Promise<TsModules> {
  const files: string[] = [];
  for (const e of app.entries.values()) {
    if (isLuaEntry(e) && TS_KINDS.has(e.kind) && e.source.type === 'file' && e.source.path.endsWith('.ts')) files.push(e.source.path);
  }
  if (files.length === 0) return new Map();
  const build = tsBuild !== undefined ? await tsBuild(app.root, files) : await (await import('./ts/app-build.js')).buildAppTs(app.root, files);
  problems.push(...build.problems);
  return build.modules;
}

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
  const rt = createProcessRuntime({
    time: opts.time,
    write: opts.write,
    check: opts.check,
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
    entriesChanged: (ids) => refreshAppEntries(app, rt, ids, opts.tsBuild),
  });
  await addAppEntries(app, rt, undefined, opts.tsBuild, policyProblems);
  const terminal = hostList.find((h) => h.kind === 'terminal.host');
  return { app, rt, hosts: hostList.map((h) => h.id), defaultHost: (terminal ?? hostList[0])?.id, stdin, security, exitRequest };
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
 * `only`, just those of these ids; `tsBuild` builds the .ts entries (default: through the compile cache). Throws one
 * AppStartError with every problem found, after `found` (problems the caller found before: the app's policies).
 */
export async function addAppEntries(
  app: EntrySet,
  rt: ProcessRuntime,
  only?: ReadonlySet<string>,
  tsBuild?: TsEntriesBuild,
  found: readonly StartProblem[] = [],
): Promise<void> {
  const problems: StartProblem[] = [...found];
  const tsModules = await buildTsEntries(app, problems, tsBuild);
  const compiled = new Map<string, Promise<CompiledChunk | undefined>>();
  const compileOnce = (e: LuaEntry): Promise<CompiledChunk | undefined> => {
    let p = compiled.get(e.id);
    if (p === undefined) {
      p = compileEntry(app, e, problems, tsModules);
      compiled.set(e.id, p);
    }
    return p;
  };
  const available = new Set(rt.globals.modules.keys());
  const pending: Array<Promise<void>> = [];
  for (const e of app.entries.values()) {
    if (!isLuaEntry(e) || !RUNNABLE_KINDS.has(e.kind) || (only !== undefined && !only.has(e.id))) continue;
    const plan = bindingPlan(app, e.id)!;
    const unavailable: Diagnostic[] = [];
    checkModules(e, plan, available, unavailable);
    for (const diagnostic of unavailable) problems.push({ diagnostic });
    pending.push(
      (async () => {
        const chunk = await compileOnce(e);
        const libs = await Promise.all(plan.libraries.map(async (l) => [l.id, await compileOnce(l)] as const));
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
export async function refreshAppEntries(app: EntrySet, rt: ProcessRuntime, ids: readonly string[], tsBuild?: TsEntriesBuild): Promise<void> {
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
  if (affected.size > 0) await addAppEntries(app, rt, affected, tsBuild);
}

// `moonforge run APPDIR [-x NS:NAME | COMMAND] [ARGS...]`: load a Wippy app folder, then either run one process entry
// as the root process until it exits (exit code 0 on a normal return, 1 on failure with the error and a Lua
// traceback), or start every auto_start process.service and keep running until SIGINT/SIGTERM shuts the node down.
// `moonforge run APPDIR list` lists the app's commands.
import type { SchedulerLike } from 'rxjs';
import { ByteWriter } from '../runtime/index.js';
import { isError, jsonLines, renderDiagnosticsAs, type DiagnosticFormat } from '../diagnostics/index.js';
import {
  ClusterJoinError,
  clusterOptionsOf,
  exitErrorText,
  loadApp,
  NodeTimeScheduler,
  type App,
  type ClusterOptions,
  type LineReader,
} from '../runtime/process/index.js';
import { AppStartError, createAppRuntime, type AppRuntime, type PrebuiltChunk, type RunTimeCompile } from './app-runtime.js';
import type { LogFormat } from './log-sink.js';
import type { LogLevel, LogRecord } from '../runtime/modules/index.js';
import { bootApp, type BootedApp } from './boot-app.js';
import { rootExit } from './root-exit.js';
import { toLuaString } from './lua-string.js';
import { appCommands, commandEntry, commandListText } from './app-commands.js';
import { overrideReported } from './app-overrides.js';
import type { TracingOptions } from './tracing/start-tracing.js';
import type { InspectOptions, InspectorServer } from './inspector/server.js';
import type { SupervisorEvent } from '../runtime/process/index.js';

export interface RunAppOptions {
  /** the process entry to run as root (`-x`); none: run the app's services */
  exec?: string;
  /** the command to run as root instead (`wippy run COMMAND`): the entry whose meta.command.name it is */
  command?: string;
  /** the root's arguments, as text (main's arguments and io.args(), as Lua strings of their UTF-8 bytes) */
  args?: string[];
  /** the host of the root process (`--host`); default: the app's terminal.host, else its first process.host */
  host?: string;
  /** output of print / io (bytes as latin1 chars); default: buffered stdout */
  stdout?: (s: string) => void;
  /** diagnostics and error reports; default: stderr */
  stderr?: (s: string) => void;
  /** the form diagnostics are written in (`--format`); default: text */
  format?: DiagnosticFormat;
  /** the form of log records on stderr (`--log-format`); default: console */
  logFormat?: LogFormat;
  /** the least level of log records written (`--log-level`); default: info, or debug with `log` */
  logLevel?: LogLevel;
  /** where log records go instead of stderr */
  log?: (r: LogRecord) => void;
  stdin?: LineReader;
  time?: SchedulerLike;
  /** service mode: resolves to start a shutdown (default: the first SIGINT or SIGTERM) */
  shutdownSignal?: Promise<string>;
  /** entry overrides (`-o NS:ENTRY:FIELD=VALUE`), applied in order to the loaded app before anything starts */
  overrides?: readonly string[];
  /** `--inspect[=PORT]`: the inspector page and API (docs/inspector.md), with `--inspect-control` its actions */
  inspect?: InspectOptions;
  /** `--trace`: OpenTelemetry traces exported over OTLP/HTTP (docs/tracing.md) */
  trace?: boolean;
  /** `--trace-otlp URL`: where they go (else OTEL_EXPORTER_OTLP_ENDPOINT, else localhost:4318) */
  traceOtlp?: string;
  /** traces to a provider of one's own instead of the OTLP exporter */
  tracing?: TracingOptions;
  /** `--node NAME --cluster URL`: this node joins a cluster over NATS before the app starts (docs/cluster.md) */
  cluster?: ClusterOptions;
}

/** stdout for Lua output: buffered, flushed at the end of each turn of the event loop and at exit. */
export function stdoutWriter(): { write: (s: string) => void; flush: () => void } {
  const out = new ByteWriter(1);
  let queued = false;
  return {
    write(s) {
      out.write(s);
      if (!queued) {
        queued = true;
        setImmediate(() => {
          queued = false;
          out.flush();
        });
      }
    },
    flush: () => out.flush(),
  };
}

let runtimesMade = 0;

/**
 * How many app runtimes runLoadedApp made in this process: a run that made none (a definition error, `list`) ran
 * little of the run path's code, which the code cache of the CLI's app runs counts (sdk/cli/run-command.ts).
 */
export function appRuntimesMade(): number {
  return runtimesMade;
}

/** The first SIGINT or SIGTERM, by its name. */
export function firstSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (sig: string): void => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(sig);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

/** Loads the app, reporting definition-file diagnostics; undefined when it has errors (warnings do not stop it). */
export async function loadReported(dir: string, format: DiagnosticFormat, stderr: (s: string) => void): Promise<App | undefined> {
  const { app, diagnostics } = await loadApp(dir);
  if (diagnostics.length > 0) stderr(`${renderDiagnosticsAs(format, diagnostics)}\n`);
  return diagnostics.some(isError) ? undefined : app;
}

/** The root's arguments as Lua strings: command-line text is UTF-8 bytes to Lua, as Go's os.Args are to Wippy. */
export function luaArgs(opts: RunAppOptions): string[] {
  return (opts.args ?? []).map(toLuaString);
}

export async function runApp(dir: string, opts: RunAppOptions = {}): Promise<number> {
  const app = await loadReported(dir, opts.format ?? 'text', stderrOf(opts));
  return app === undefined ? 1 : runLoadedApp(app, opts);
}

function stderrOf(opts: Pick<RunAppOptions, 'stderr'>): (s: string) => void {
  return opts.stderr ?? ((s: string) => process.stderr.write(Buffer.from(s, 'latin1')));
}

/** What a bundle brings to the run of its app: its chunks compiled ahead of time and the files it carries. */
export interface BundledParts {
  /** by entry id */
  chunks: ReadonlyMap<string, PrebuiltChunk>;
  /** by the path the app names them with (AppRuntimeOptions.embeddedFiles) */
  files?: ReadonlyMap<string, string>;
  /** what compiles the Lua text of entries the registry makes at run time, when the bundle carries the compiler */
  compileAtRunTime?: RunTimeCompile;
  /** how the bundle is run, as hints name it (`node app.mjs`, or a single executable's name) */
  runAs: string;
}

/**
 * Runs a loaded app as `moonforge run` does: its root (`exec` or `command`) until it exits, else its services until a
 * shutdown; with `bundled` (a bundle's run) on the chunks it was built with, else every entry is compiled now. The
 * exit code.
 */
export async function runLoadedApp(app: App, opts: RunAppOptions = {}, bundled?: BundledParts): Promise<number> {
  const stderr = stderrOf(opts);
  const std = opts.stdout === undefined ? stdoutWriter() : { write: opts.stdout, flush: () => {} };
  try {
    const format = opts.format ?? 'text';
    if (!overrideReported(app, opts, stderr)) return 1;
    const exec = opts.command === undefined ? opts.exec : commandEntry(app, opts.command);
    if (opts.command !== undefined && exec === undefined) {
      stderr(`moonforge: no command '${opts.command}' in the app (no process entry has it as meta.command.name; \`${bundled?.runAs ?? 'moonforge run APPDIR'} list\` lists them)\n`);
      return 1;
    }
    // the command line's cluster options over .wippy.yaml's `cluster:` (runtime/cluster/config.ts)
    const cluster = clusterOptionsOf(app.config.cluster, opts.cluster, process.env);
    if (typeof cluster === 'string') {
      stderr(`moonforge: ${cluster}\n`);
      return 1;
    }
    const time = opts.time ?? new NodeTimeScheduler();
    let ar: AppRuntime;
    try {
      ar = await createAppRuntime(app, { time, write: std.write, stdin: opts.stdin, args: luaArgs(opts), log: opts.log, logFormat: opts.logFormat, logLevel: opts.logLevel, prebuilt: bundled?.chunks, compileAtRunTime: bundled?.compileAtRunTime, embeddedFiles: bundled?.files, nodeName: cluster?.node });
      runtimesMade++;
    } catch (e) {
      if (e instanceof AppStartError) {
        stderr(`${format === 'json' ? jsonLines(e.records) : e.message}\n`);
        return 1;
      }
      throw e;
    }
    // loaded only when asked for: a run without tracing loads nothing of it, and the node has no observer for it
    const tracing = opts.trace === true || opts.tracing !== undefined ? await (await import('./tracing/run-tracing.js')).startRunTracing(ar.rt, opts, app.root, stderr, ar.workers) : undefined;
    if (typeof tracing === 'string') {
      // the runtime goes, its worker threads with it
      ar.rt.shutdown();
      stderr(`moonforge: ${tracing}\n`);
      return 1;
    }
    if (cluster !== undefined) {
      // loaded only by a node that joins a cluster
      const joined = await (await import('./cluster-node.js')).joinAppCluster(ar, cluster, (l) => stderr(`${l}\n`)).catch((e: unknown) => e as Error);
      if (joined instanceof Error) {
        ar.rt.shutdown();
        await tracing?.stop();
        if (!(joined instanceof ClusterJoinError)) throw joined;
        stderr(`moonforge: ${joined.message}\n`);
        return 1;
      }
    }
    let inspector: InspectorServer | undefined;
    if (opts.inspect !== undefined) {
      // loaded only when asked for, like tracing
      const { startInspector } = await import('./inspector/server.js');
      try {
        inspector = await startInspector({ node: ar.rt.node, time, hosts: () => ar.rt.hosts }, opts.inspect);
      } catch (e) {
        stderr(`moonforge: the inspector could not listen: ${e instanceof Error ? e.message : String(e)}\n`);
        await tracing?.stop();
        return 1;
      }
      stderr(`inspector: ${inspector.url}\n`);
    }
    const onEvent = inspector === undefined ? undefined : (e: SupervisorEvent) => inspector.supervision(e);
    // a deadlock is what one looks at the inspector for: it stays up until a signal instead of ending the run
    const holdOnDeadlock =
      inspector === undefined
        ? undefined
        : async (ended: Promise<unknown>): Promise<void> => {
            stderr(`moonforge: the inspector stays up to show it: ${inspector.url} (Ctrl+C ends)\n`);
            const keepAlive = setInterval(() => {}, 1 << 30);
            // the root may still end: terminated from the inspector
            await Promise.race([firstSignal(), ended]);
            clearInterval(keepAlive);
          };
    try {
      return exec !== undefined ? await runRoot(ar, exec, opts, time, std.write, stderr, onEvent, holdOnDeadlock) : await runServices(ar, time, opts, stderr, onEvent);
    } finally {
      await tracing?.stop();
      await inspector?.close();
    }
  } finally {
    std.flush();
  }
}

/** `moonforge run APPDIR list`: loads the app and writes its commands to stdout (exit 0), as `wippy run list`. */
export async function listAppCommands(dir: string, opts: Pick<RunAppOptions, 'stdout' | 'stderr' | 'format' | 'overrides'> = {}): Promise<number> {
  const app = await loadReported(dir, opts.format ?? 'text', stderrOf(opts));
  if (app === undefined || !overrideReported(app, opts, stderrOf(opts))) return 1;
  listLoadedAppCommands(app, opts);
  return 0;
}

/** Writes the commands of a loaded app to stdout. */
export function listLoadedAppCommands(app: App, opts: Pick<RunAppOptions, 'stdout'> = {}): void {
  const text = commandListText(appCommands(app));
  if (opts.stdout !== undefined) opts.stdout(text);
  else process.stdout.write(text);
}

/** How many process entries an unknown `-x` lists before "and N more": enough to spot a typo, short enough to read. */
const LISTED_ENTRIES = 20;

/** The app's process.lua entries (what -x can run), sorted, for the message of an unknown or wrong -x entry. */
function processEntriesText(app: App): string {
  const ids = app.byKind('process.lua').map((e) => e.id).sort();
  if (ids.length === 0) return 'the app has no process.lua entry';
  const more = ids.length > LISTED_ENTRIES ? `, and ${ids.length - LISTED_ENTRIES} more` : '';
  return `process entries: ${ids.slice(0, LISTED_ENTRIES).join(', ')}${more}`;
}

/** Why `id` cannot run as the root process on `host` (default: the app's), or undefined when it can. */
export function rootProblem(ar: AppRuntime, id: string, host: string | undefined): string | undefined {
  const entry = ar.app.get(id);
  if (entry === undefined || entry.kind !== 'process.lua') {
    const why = entry === undefined ? `no entry '${id}' in the app` : `'${id}' is a ${entry.kind} entry, not a process.lua entry`;
    return `moonforge: ${why}; ${processEntriesText(ar.app)}`;
  }
  const h = host ?? ar.defaultHost;
  if (h === undefined) return `moonforge: the app has no process.host or terminal.host entry to run '${id}' on`;
  if (!ar.rt.hosts.has(h)) return `moonforge: no host '${h}' in the app (hosts: ${ar.hosts.join(', ') || 'none'})`;
  return undefined;
}

/** A started app and how it ends by itself. */
export interface StartedApp {
  booted: BootedApp;
  /** the root's pid, with -x */
  pid?: string;
  /** the exit code once the app ends by itself: the root's exit, or system.exit (services never end by themselves) */
  ended: Promise<number>;
}

/**
 * Boots `ar` and spawns `id` as the root on `host` (which rootProblem has accepted); `ended` resolves to the program's
 * exit code, after the root's result or error has been written.
 */
export function startRoot(
  ar: AppRuntime,
  id: string,
  host: string | undefined,
  args: string[],
  time: SchedulerLike,
  out: (s: string) => void,
  stderr: (s: string) => void,
  onEvent?: (e: SupervisorEvent) => void,
): StartedApp {
  // as `wippy run -x`: the runtime boots (its auto_start services run) before the root starts
  const booted = bootApp(ar, { time, stderr, onEvent });
  const proc = ar.rt.spawn(id, (host ?? ar.defaultHost)!, args);
  const ended = new Promise<number>((resolve) => {
    // system.exit ends the program with its code, whatever the root is doing
    void ar.exitRequest.made.then(resolve);
    proc.onExit.push((r) => {
      if (ar.exitRequest.code !== undefined) return resolve(ar.exitRequest.code);
      if (r.error !== undefined) {
        stderr(`${exitErrorText(r.error)}\n${r.traceback !== undefined ? `${r.traceback}\n` : ''}`);
        return resolve(1);
      }
      const exit = rootExit(r.value);
      if (exit.output !== undefined) out(`${exit.output}\n`);
      resolve(exit.code);
    });
  });
  return { booted, ended, pid: proc.pid };
}

async function runRoot(
  ar: AppRuntime,
  id: string,
  opts: RunAppOptions,
  time: SchedulerLike,
  out: (s: string) => void,
  stderr: (s: string) => void,
  onEvent?: (e: SupervisorEvent) => void,
  holdOnDeadlock?: (ended: Promise<unknown>) => Promise<void>,
): Promise<number> {
  const problem = rootProblem(ar, id, opts.host);
  if (problem !== undefined) {
    stderr(`${problem}\n`);
    return 1;
  }
  const started = startRoot(ar, id, opts.host, luaArgs(opts), time, out, stderr, onEvent);
  const code = await new Promise<number>((resolve) => {
    // Every process blocked and nothing pending (no timer, no stdin read): Node's loop empties and nothing could
    // ever wake the root again. Report it instead of exiting silently.
    const onIdle = (): void => {
      stderr(`moonforge: deadlock: process ${id} (${started.pid}) is blocked and no other work is pending\n`);
      if (holdOnDeadlock === undefined) resolve(1);
      else void holdOnDeadlock(started.ended).then(() => resolve(1));
    };
    process.once('beforeExit', onIdle);
    void started.ended.then((c) => {
      process.off('beforeExit', onIdle);
      resolve(c);
    });
  });
  // the root's exit ends the program: services and any other process still running, sleeping or reading stop now
  await started.booted.stop(0);
  return code;
}

/** The message for an app that has nothing to boot: no auto_start service or process. */
export function nothingToBoot(ar: AppRuntime): string {
  // the app's commands are what such an app is run by (`wippy run hello`)
  const commands = appCommands(ar.app).map((c) => c.name);
  const hint = commands.length === 0 ? '' : ` or one of its commands (${commands.join(', ')})`;
  return `moonforge: the app has no process.service or process.lua entry with lifecycle.auto_start; run one entry with -x NS:NAME${hint}`;
}

async function runServices(ar: AppRuntime, time: SchedulerLike, opts: RunAppOptions, stderr: (s: string) => void, onEvent?: (e: SupervisorEvent) => void): Promise<number> {
  const booted = bootApp(ar, { time, stderr, onEvent });
  if (booted.services.length === 0) {
    await booted.stop(0);
    stderr(`${nothingToBoot(ar)}\n`);
    return 1;
  }
  // keep Node alive while services idle on their inboxes
  const keepAlive = setInterval(() => {}, 1 << 30);
  // a signal shuts the node down with exit code 0; system.exit with its code
  const code = await Promise.race([(opts.shutdownSignal ?? firstSignal()).then(() => 0), ar.exitRequest.made]);
  const terminated = await booted.stop();
  clearInterval(keepAlive);
  if (terminated > 0) stderr(`moonforge: terminated ${terminated} process(es) still running after ${booted.stopMs}ms\n`);
  return code;
}

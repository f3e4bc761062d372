// `moonforge run APPDIR [-x NS:NAME [ARGS...]]`: load a Wippy app folder, then either run one process entry as the
// root process until it exits (exit code 0 on a normal return, 1 on failure with the error and a Lua traceback), or
// start every auto_start process.service and keep running until SIGINT/SIGTERM shuts the node down.
import type { SchedulerLike } from 'rxjs';
import { ByteWriter } from '../runtime/index.js';
import { jsonLines, renderDiagnosticsAs, type DiagnosticFormat } from '../diagnostics/index.js';
import {
  exitErrorText,
  isProcessService,
  loadApp,
  NodeTimeScheduler,
  ServiceSupervisor,
  shutdownNode,
  type App,
  type LineReader,
  type ProcessServiceEntry,
} from '../runtime/process/index.js';
import { AppStartError, createAppRuntime, type AppRuntime } from './app-runtime.js';
import type { LogFormat } from './log-sink.js';
import type { LogLevel, LogRecord } from '../runtime/modules/index.js';

export interface RunAppOptions {
  /** the process entry to run as root (`-x`); none: run the app's services */
  exec?: string;
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
}

/** stdout for Lua output: buffered, flushed at the end of each turn of the event loop and at exit. */
function stdoutWriter(): { write: (s: string) => void; flush: () => void } {
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

function firstSignal(): Promise<string> {
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

/** Loads the app, reporting definition-file diagnostics; undefined when it has errors. */
async function load(dir: string, format: DiagnosticFormat, stderr: (s: string) => void): Promise<App | undefined> {
  const { app, diagnostics } = await loadApp(dir);
  if (diagnostics.length === 0) return app;
  stderr(`${renderDiagnosticsAs(format, diagnostics)}\n`);
  return undefined;
}

export async function runApp(dir: string, opts: RunAppOptions = {}): Promise<number> {
  const stderr = opts.stderr ?? ((s: string) => process.stderr.write(Buffer.from(s, 'latin1')));
  const std = opts.stdout === undefined ? stdoutWriter() : { write: opts.stdout, flush: () => {} };
  try {
    const format = opts.format ?? 'text';
    const app = await load(dir, format, stderr);
    if (app === undefined) return 1;
    const time = opts.time ?? new NodeTimeScheduler();
    let ar: AppRuntime;
    try {
      ar = await createAppRuntime(app, { time, write: std.write, stdin: opts.stdin, log: opts.log, logFormat: opts.logFormat, logLevel: opts.logLevel });
    } catch (e) {
      if (e instanceof AppStartError) {
        stderr(`${format === 'json' ? jsonLines(e.records) : e.message}\n`);
        return 1;
      }
      throw e;
    }
    return opts.exec !== undefined ? await runRoot(ar, opts.exec, opts, stderr) : await runServices(ar, time, opts, stderr);
  } finally {
    std.flush();
  }
}

async function runRoot(ar: AppRuntime, id: string, opts: RunAppOptions, stderr: (s: string) => void): Promise<number> {
  const entry = ar.app.get(id);
  if (entry === undefined || entry.kind !== 'process.lua') {
    stderr(`moonforge: ${entry === undefined ? `no entry '${id}' in the app` : `'${id}' is a ${entry.kind} entry, not a process.lua entry`}\n`);
    return 1;
  }
  const host = opts.host ?? ar.defaultHost;
  if (host === undefined) {
    stderr(`moonforge: the app has no process.host or terminal.host entry to run '${id}' on\n`);
    return 1;
  }
  if (!ar.rt.hosts.has(host)) {
    stderr(`moonforge: no host '${host}' in the app (hosts: ${ar.hosts.join(', ') || 'none'})\n`);
    return 1;
  }
  const proc = ar.rt.spawn(id, host, opts.args ?? []);
  const code = await new Promise<number>((resolve) => {
    // Every process blocked and nothing pending (no timer, no stdin read): Node's loop empties and nothing could
    // ever wake the root again. Report it instead of exiting silently.
    const onIdle = (): void => {
      stderr(`moonforge: deadlock: process ${id} (${proc.pid}) is blocked and no other work is pending\n`);
      resolve(1);
    };
    process.once('beforeExit', onIdle);
    proc.onExit.push((r) => {
      process.off('beforeExit', onIdle);
      if (r.error === undefined) return resolve(0);
      stderr(`${exitErrorText(r.error)}\n${r.traceback !== undefined ? `${r.traceback}\n` : ''}`);
      resolve(1);
    });
  });
  // other processes may still run, sleep or wait for input: the root's exit ends the program
  ar.rt.shutdown();
  ar.stdin.close?.();
  return code;
}

async function runServices(ar: AppRuntime, time: SchedulerLike, opts: RunAppOptions, stderr: (s: string) => void): Promise<number> {
  const services = startOrder([...ar.app.entries.values()].filter(isProcessService).filter((s) => s.lifecycle.autoStart));
  if (services.length === 0) {
    stderr('moonforge: the app has no process.service with lifecycle.auto_start; run one entry with -x NS:NAME\n');
    return 1;
  }
  const sup = new ServiceSupervisor({
    rt: ar.rt,
    time,
    securityOf: (s) => ar.security.serviceContext(s),
    onEvent(e) {
      if (e.type === 'exit' && e.error !== undefined && !e.stopping) stderr(`moonforge: service ${e.service} (${e.pid}) failed: ${e.error}\n`);
      else if (e.type === 'restart') stderr(`moonforge: restarting service ${e.service} in ${Math.round(e.delay)}ms (attempt ${e.attempt})\n`);
      else if (e.type === 'give-up') stderr(`moonforge: service ${e.service} failed ${e.attempts + 1} times; not restarting it\n`);
      else if (e.type === 'spawn-failed') stderr(`moonforge: service ${e.service} could not start: ${e.error}\n`);
    },
  });
  // keep Node alive while services idle on their inboxes
  const keepAlive = setInterval(() => {}, 1 << 30);
  const signal = opts.shutdownSignal ?? firstSignal();
  for (const s of services) sup.start(s);
  await signal;
  sup.stop();
  // The services' stop_timeout (10 s by default) bounds the wait: the host's own lifecycle always has a default, so
  // it would hide a shorter stop_timeout written on the services.
  const stopMs = Math.max(...services.map((s) => s.lifecycle.stopTimeout)) / 1e6;
  const terminated = await new Promise<number>((resolve) => shutdownNode(ar.rt, time, stopMs, resolve));
  if (terminated > 0) stderr(`moonforge: terminated ${terminated} process(es) still running after ${stopMs}ms\n`);
  clearInterval(keepAlive);
  ar.rt.shutdown();
  ar.stdin.close?.();
  return 0;
}

/** Services in start order: one listed in another's `lifecycle.requires` starts first (cycles keep load order). */
export function startOrder(services: ProcessServiceEntry[]): ProcessServiceEntry[] {
  const byId = new Map(services.map((s) => [s.id, s]));
  const out: ProcessServiceEntry[] = [];
  const state = new Map<string, 'active' | 'done'>();
  const visit = (s: ProcessServiceEntry): void => {
    if (state.has(s.id)) return;
    state.set(s.id, 'active');
    for (const r of s.lifecycle.requires) {
      const dep = byId.get(r);
      if (dep !== undefined) visit(dep);
    }
    state.set(s.id, 'done');
    out.push(s);
  };
  services.forEach(visit);
  return out;
}

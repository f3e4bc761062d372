// Booting an app as `wippy run` does: what starts before any root process, and how it all stops.
//
// What Wippy starts at boot (wippyai/runtime): every entry registered with the supervisor whose `lifecycle.auto_start`
// is set (system/supervisor/supervisor.go execute: the auto-start roots, dependencies first). The Lua kinds that
// register are the hosts (process.host, boot/components/service/host.go; terminal.host, terminal2.go) and
// process.service (boot/components/service/supervisor.go); the other service kinds (http.*, queue.*, store.*, ...)
// are not run by moonforge (the loader warns about them). `wippy run -x` boots the same way, then starts the root on
// the terminal host (cmd/wippy/cmd/run.go launchExecProcess); the root's completion shuts the runtime down
// (service/terminal/host.go OnComplete -> TriggerShutdown).
//
// A `process.lua` entry with `lifecycle.auto_start` is started at boot too, on the app's first process.host, supervised
// by its own lifecycle: Wippy's docs write apps so (tutorials/supervision.md, whose pool is such an entry and
// "autostarts" under a plain `wippy run`; system/security.md "Service-Level Security"), and users follow the docs.
// Wippy's Go config for process.lua (api/runtime/lua/config.go ProcessConfig) has no lifecycle field, so this is a
// documented behaviour moonforge honours, not one read from the source.
//
// In moonforge the hosts exist as soon as the app runtime does (createAppRuntime), so booting is starting the
// auto_start services under a ServiceSupervisor.
import type { SchedulerLike } from 'rxjs';
import { isLuaEntry, isProcessHost, isProcessService, ServiceSupervisor, shutdownNode, type App, type ProcessServiceEntry } from '../runtime/process/index.js';
import type { AppRuntime } from './app-runtime.js';
import type { SupervisorEvent } from '../runtime/process/index.js';

/** The default stop_timeout of a service (api/supervisor/config.go InitDefaults): 10 s, in ms. */
const DEFAULT_STOP_MS = 10_000;

export interface BootOptions {
  /** the clock restarts and the stop timeout are timed on: the runtime's own */
  time: SchedulerLike;
  /** where supervision news is written as lines (a service failed, is restarted, gave up); default: nowhere */
  stderr?: (s: string) => void;
  /** every supervision event as it happens (the inspector shows them as service restarts) */
  onEvent?: (e: SupervisorEvent) => void;
}

export interface BootedApp {
  /** the services started, in start order (a service starts after those in its `lifecycle.requires`) */
  readonly services: readonly ProcessServiceEntry[];
  readonly supervisor: ServiceSupervisor;
  /** the grace stop() gives by default, in ms: the largest `stop_timeout` of the services, else 10 s */
  readonly stopMs: number;
  /**
   * Stops the app and its runtime: no more restarts, then every process gets a CANCEL ("scheduler shutdown") and
   * `graceMs` to end (default: `stopMs`) before the rest is terminated;
   * `graceMs = 0` stops at once, without a CANCEL: the runtime's clock is closed, so nothing runs again (the end of a
   * `-x` root). Resolves to the number of processes that had to be terminated. Closes stdin; later calls return the
   * first call's promise.
   */
  stop(graceMs?: number): Promise<number>;
}

/**
 * Boots `ar` as `wippy run` does: starts every `process.service` with `lifecycle.auto_start`, each on its host with
 * its `input:` arguments, in start order, supervised (restarted on failure by its `lifecycle.restart`). Used by
 * `moonforge run APP` (services until a signal), `moonforge run APP -x NS:NAME` (services, then the root; the
 * program ends when the root does) and `moonforge test`. It holds nothing that keeps Node's event loop alive: a
 * caller that waits for a signal keeps it alive itself.
 */
export function bootApp(ar: AppRuntime, opts: BootOptions): BootedApp {
  const { time } = opts;
  const say = opts.stderr;
  const declared = [...ar.app.entries.values()].filter(isProcessService).filter((s) => s.lifecycle.autoStart);
  const services = startOrder([...declared, ...autoStartProcesses(ar.app)]);
  const supervisor = new ServiceSupervisor({
    rt: ar.rt,
    time,
    securityOf: (s) => ar.security.serviceContext(s),
    onEvent(e) {
      opts.onEvent?.(e);
      if (say === undefined) return;
      if (e.type === 'exit' && e.error !== undefined && !e.stopping) say(`moonforge: service ${e.service} (${e.pid}) failed: ${e.error}\n`);
      else if (e.type === 'restart') say(`moonforge: restarting service ${e.service} in ${Math.round(e.delay)}ms (attempt ${e.attempt})\n`);
      else if (e.type === 'give-up') say(`moonforge: service ${e.service} failed ${e.attempts + 1} times; not restarting it\n`);
      else if (e.type === 'spawn-failed') say(`moonforge: service ${e.service} could not start: ${e.error}\n`);
    },
  });
  for (const s of services) supervisor.start(s);
  // The services' own stop_timeout bounds the wait: the hosts' lifecycle always has a default, so it would hide a
  // shorter stop_timeout written on the services.
  const stopMs = services.length > 0 ? Math.max(...services.map((s) => s.lifecycle.stopTimeout)) / 1e6 : DEFAULT_STOP_MS;
  let stopped: Promise<number> | undefined;
  const stop = (graceMs = stopMs): Promise<number> => {
    stopped ??= (async () => {
      supervisor.stop();
      // the processes on worker threads (a host with `workers: N`) get the same CANCEL and grace, at the same time
      const onWorkers = graceMs > 0 && ar.workers !== undefined ? ar.workers.stop(graceMs) : Promise.resolve(0);
      const terminated = (graceMs > 0 ? await new Promise<number>((resolve) => shutdownNode(ar.rt, time, graceMs, resolve)) : 0) + (await onWorkers);
      ar.rt.shutdown();
      ar.stdin.close?.();
      return terminated;
    })();
    return stopped;
  };
  return { services, supervisor, stopMs, stop };
}

/**
 * The process.lua entries with `lifecycle.auto_start`, as the services boot starts: each runs itself on the app's
 * first process.host with no arguments (the loader warns, APP0016, when the app has no process.host).
 */
function autoStartProcesses(app: App): ProcessServiceEntry[] {
  const host = [...app.entries.values()].find(isProcessHost);
  if (host === undefined) return [];
  const out: ProcessServiceEntry[] = [];
  for (const e of app.entries.values()) {
    if (!isLuaEntry(e) || e.kind !== 'process.lua' || e.lifecycle?.autoStart !== true) continue;
    out.push({ ...e, kind: 'process.service', process: e.id, host: host.id, input: [], lifecycle: e.lifecycle });
  }
  return out;
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

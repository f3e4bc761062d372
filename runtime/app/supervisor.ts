// Supervision of `process.service` entries (spec §2.8): start each on its host with its `input:` arguments, restart a
// service that fails by its `lifecycle.restart` policy (exponential backoff with jitter, capped, with a maximum
// number of consecutive attempts), and shut a node down as Wippy's host does: CANCEL "scheduler shutdown" to every
// process, wait the stop timeout, terminate what is left. All time goes through the injected scheduler.
import type { SecurityContext } from '../security/index.js';
import type { SchedulerLike, Subscription } from 'rxjs';
import type { ProcessServiceEntry, RetryPolicy } from './model.js';
import type { ProcessRuntime } from '../process/process-runtime.js';
import type { ExitResult, Proc } from '../process/proc.js';
import { errorText, isLuaErrorValue } from '../lib/wippy/errors.js';
import { tostring } from '../core/tostring.js';

export type SupervisorEvent =
  | { type: 'start'; service: string; pid: string; at: number; attempt: number }
  | { type: 'exit'; service: string; pid: string; at: number; error: string | undefined; stopping: boolean }
  | { type: 'restart'; service: string; at: number; delay: number; attempt: number }
  | { type: 'give-up'; service: string; at: number; attempts: number }
  | { type: 'spawn-failed'; service: string; at: number; error: string };

export interface SupervisorOptions {
  rt: ProcessRuntime;
  /** the clock restarts are timed on (the runtime's own, or a VirtualTimeScheduler in tests) */
  time: SchedulerLike;
  /** uniform in [0, 1): the jitter's randomness, injectable for tests */
  random?: () => number;
  onEvent?: (e: SupervisorEvent) => void;
  /** the security context a service's process starts with (its `lifecycle.security`) */
  securityOf?: (service: ProcessServiceEntry) => SecurityContext | undefined;
}

/** Text of an exit error for logs. */
export function exitErrorText(error: unknown): string {
  return isLuaErrorValue(error) ? errorText(error) : tostring(error);
}

/**
 * The delay before restart number `attempt` (1-based), in milliseconds: initial_delay · backoff_factor^(attempt-1),
 * capped at max_delay, then spread by ±jitter (a fraction of the delay).
 */
export function restartDelayMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const base = Math.min(policy.initialDelay * policy.backoffFactor ** (attempt - 1), policy.maxDelay) / 1e6;
  const spread = policy.jitter > 0 ? base * policy.jitter * (2 * random() - 1) : 0;
  return Math.max(0, base + spread);
}

interface ServiceState {
  spec: ProcessServiceEntry;
  proc: Proc | undefined;
  /** consecutive failed runs */
  failures: number;
  startedAt: number;
  timer: Subscription | undefined;
}

export class ServiceSupervisor {
  private readonly services = new Map<string, ServiceState>();
  private stopping = false;
  private readonly random: () => number;

  constructor(private readonly opts: SupervisorOptions) {
    this.random = opts.random ?? Math.random;
  }

  private emit(e: SupervisorEvent): void {
    this.opts.onEvent?.(e);
  }

  /** Starts a service now. */
  start(spec: ProcessServiceEntry): void {
    const st: ServiceState = { spec, proc: undefined, failures: 0, startedAt: 0, timer: undefined };
    this.services.set(spec.id, st);
    this.run(st);
  }

  /** The live pid of a service, if it runs. */
  pidOf(serviceId: string): string | undefined {
    const p = this.services.get(serviceId)?.proc;
    return p?.alive === true ? p.pid : undefined;
  }

  private run(st: ServiceState): void {
    st.timer = undefined;
    if (this.stopping) return;
    const { spec } = st;
    const now = this.opts.time.now();
    let proc: Proc;
    try {
      proc = this.opts.rt.spawn(spec.process, spec.host, spec.input, { security: this.opts.securityOf?.(spec) });
    } catch (e) {
      this.emit({ type: 'spawn-failed', service: spec.id, at: now, error: e instanceof Error ? e.message : String(e) });
      this.failed(st);
      return;
    }
    st.proc = proc;
    st.startedAt = now;
    this.emit({ type: 'start', service: spec.id, pid: proc.pid, at: now, attempt: st.failures });
    proc.onExit.push((r: ExitResult) => this.exited(st, proc, r));
  }

  private exited(st: ServiceState, proc: Proc, r: ExitResult): void {
    const now = this.opts.time.now();
    const error = r.error === undefined ? undefined : exitErrorText(r.error);
    this.emit({ type: 'exit', service: st.spec.id, pid: proc.pid, at: now, error, stopping: this.stopping });
    if (st.proc === proc) st.proc = undefined;
    if (this.stopping || r.error === undefined) return; // a normal return stops the service for good
    // a run that lasted stable_threshold counts as healthy: the backoff starts over
    if ((now - st.startedAt) * 1e6 >= st.spec.lifecycle.stableThreshold) st.failures = 0;
    this.failed(st);
  }

  private failed(st: ServiceState): void {
    const policy = st.spec.lifecycle.restart;
    st.failures++;
    const now = this.opts.time.now();
    if (policy.maxAttempts > 0 && st.failures > policy.maxAttempts) {
      this.emit({ type: 'give-up', service: st.spec.id, at: now, attempts: st.failures - 1 });
      return;
    }
    const delay = restartDelayMs(policy, st.failures, this.random);
    this.emit({ type: 'restart', service: st.spec.id, at: now, delay, attempt: st.failures });
    st.timer = this.opts.time.schedule(() => this.run(st), delay);
  }

  /** No more restarts; pending ones are dropped. */
  stop(): void {
    this.stopping = true;
    for (const st of this.services.values()) st.timer?.unsubscribe();
  }
}

/**
 * Host shutdown (spec §2.5): every process gets a CANCEL with reason "scheduler shutdown"; after `timeoutMs` those
 * still alive are terminated. `done` runs once every process is gone, with the number that had to be terminated.
 */
export function shutdownNode(rt: ProcessRuntime, time: SchedulerLike, timeoutMs: number, done: (terminated: number) => void): void {
  const procs = rt.node.procs;
  let finished = false;
  let timer: Subscription | undefined;
  const check = (): void => {
    if (finished || procs.size > 0) return;
    finished = true;
    timer?.unsubscribe();
    done(0);
  };
  for (const p of [...procs.values()]) {
    p.onExit.push(() => check());
    rt.node.cancel(undefined, p, 'scheduler shutdown');
  }
  if (procs.size === 0) {
    check();
    return;
  }
  timer = time.schedule(() => {
    if (finished) return;
    finished = true;
    const left = [...procs.values()];
    for (const p of left) rt.node.terminate(p);
    done(left.length);
  }, timeoutMs);
}

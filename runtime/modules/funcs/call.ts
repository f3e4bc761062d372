// One function call, whoever makes it (funcs.call, funcs.async, an executor, the host's callFunction): the called
// entry runs as a short-lived process of its own — its own pid and globals, its own `modules:` and `imports:` — and
// the call ends when that process exits; its exit is the call's result (main's first value, or its error). This is
// Wippy's model (spec §3.5; system/function/functions.go gives each call its own frame and pid, and its process-mode
// pools run the function as a process registered in the topology), so a function may use everything a process can:
// process.pid(), spawn_monitored, process.events(), channels, time.sleep.
//
// Targets: a function.lua entry (its process's host is the function itself), or a process.lua entry with a default
// host (meta.default_host), spawned there as Wippy's service/processfunc does. Anything else has no handler.
import { createError, ERROR_KINDS, type LuaErrorValue } from '../../lib/wippy/errors.js';
import type { SecurityContext } from '../../security/check.js';
import type { ExitResult, Proc } from '../../process/proc.js';
import type { ProcessRuntime } from '../../process/process-runtime.js';
import { SpawnError, type SpawnOptions } from '../../process/node.js';

export interface CallOptions {
  /** context values the call adds over the caller's (executor:with_context); already copied for the call */
  context?: ReadonlyMap<string, unknown>;
  /** actor and scope replacing the caller's (executor:with_actor / with_scope) */
  security?: SecurityContext;
  /** the call fails with a Timeout error after this many milliseconds, and its process is stopped */
  timeoutMs?: number;
}

/** How a call ended: main's first value, or the error it failed with. */
export interface CallEnd {
  value: unknown;
  /** a Wippy error value (a raised string becomes one); undefined when the call succeeded */
  error: unknown;
  /** the Lua traceback of an uncaught error */
  traceback?: string;
  timedOut: boolean;
}

/** A call under way: its process, and a way to stop it (a canceled future, a timeout). */
export interface RunningCall {
  proc: Proc;
  /** stops the call's process: it ends with `error`, which the call reports */
  stop(error: LuaErrorValue): void;
}

/** "no handler registered for target" (system/function/errors.go NewHandlerNotFoundError). */
function noHandler(target: string): LuaErrorValue {
  return createError({ kind: ERROR_KINDS.NOT_FOUND, message: 'no handler registered for target', retryable: false, details: { target } });
}

/** The error of a call stopped by its timeout. */
export function timeoutError(target: string, ms: number): LuaErrorValue {
  return createError({ kind: ERROR_KINDS.TIMEOUT, message: `function call timed out after ${ms}ms: ${target}`, retryable: false, frames: [] });
}

/** The calls each caller has under way (what its exit stops), made on its first call. */
const RUNNING = new WeakMap<Proc, Set<() => void>>();

function runningCallsOf(caller: Proc): Set<() => void> {
  let calls = RUNNING.get(caller);
  if (calls === undefined) {
    const made = new Set<() => void>();
    calls = made;
    RUNNING.set(caller, made);
    // one exit observer per caller, however many calls it makes
    caller.onExit.push(() => {
      RUNNING.delete(caller);
      for (const end of [...made]) end();
    });
  }
  return calls;
}

/**
 * Starts a call of `target` (a well-formed id) for `caller` (undefined: the host) with `args` (copied into the
 * call's process); `done` runs once, when it ends. A target without a handler, or a spawn refused (a limit, an
 * unknown default host), gives the error instead and nothing runs. While the call runs, the caller's exit stops it,
 * as the end of the caller's context cancels a call in Wippy: a function process is terminated, a process called
 * through its default host gets CANCEL ("caller context canceled", service/processfunc/listener.go).
 */
export function startCall(
  rt: ProcessRuntime,
  caller: Proc | undefined,
  target: string,
  args: unknown[],
  opts: CallOptions,
  done: (end: CallEnd) => void,
): RunningCall | { err: LuaErrorValue } {
  const node = rt.node;
  const spawnOpts: SpawnOptions = {};
  if (opts.context !== undefined) spawnOpts.context = opts.context;
  if (opts.security !== undefined) spawnOpts.security = opts.security;
  let proc: Proc;
  const isFunction = rt.functions.has(target);
  try {
    if (isFunction) proc = node.spawnFunction(caller, target, args, spawnOpts);
    else {
      const host = rt.entries.get(target)?.defaultHost;
      if (host === undefined) return { err: noHandler(target) };
      proc = node.spawn(caller, target, host, args, spawnOpts);
    }
  } catch (e) {
    if (e instanceof SpawnError) return { err: createError({ kind: e.kind, message: e.message, retryable: false }) };
    throw e;
  }
  let timedOut = false;
  let timer: { unsubscribe(): void } | undefined;
  const stop = (error: LuaErrorValue): void => node.exitProcess(proc, { value: undefined, error });
  const endWithCaller =
    caller === undefined
      ? undefined
      : (): void => {
          if (isFunction) node.terminate(proc);
          else node.cancel(undefined, proc, 'caller context canceled');
        };
  if (caller !== undefined) runningCallsOf(caller).add(endWithCaller!);
  proc.onExit.push((r: ExitResult) => {
    timer?.unsubscribe();
    if (caller !== undefined) RUNNING.get(caller)?.delete(endWithCaller!);
    done({ value: r.value, error: r.error, traceback: r.traceback, timedOut });
  });
  const ms = opts.timeoutMs;
  if (ms !== undefined) {
    timer = node.sched.schedule(() => {
      timer = undefined;
      timedOut = true;
      stop(timeoutError(target, ms));
    }, ms);
  }
  return { proc, stop };
}

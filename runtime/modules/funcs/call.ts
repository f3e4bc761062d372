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
import { LIMIT_EXCEEDED, SpawnError, type SpawnOptions } from '../../process/node.js';

export interface CallOptions {
  /** context values the call adds over the caller's (executor:with_context); already copied for the call */
  context?: ReadonlyMap<string, unknown>;
  /** actor and scope replacing the caller's (executor:with_actor / with_scope) */
  security?: SecurityContext;
  /** the call fails with a Timeout error after this many milliseconds, and its process is stopped */
  timeoutMs?: number;
}

/**
 * How a call ended: the exit of its process (main's first value, or the error it failed with, a raised string made
 * an error value, with the traceback of an uncaught error), and whether the timeout ended it.
 */
export type CallDone = (exit: ExitResult, timedOut: boolean) => void;

/** A call under way: its process, and the ways to end it early. */
export class RunningCall {
  constructor(
    readonly proc: Proc,
    private readonly rt: ProcessRuntime,
    private readonly isFunction: boolean,
  ) {}

  /** stops the call's process: it ends with `error`, which the call reports (a canceled future, a timeout) */
  stop(error: LuaErrorValue): void {
    this.rt.node.exitProcess(this.proc, { value: undefined, error });
  }

  /**
   * Its caller has ended: as the end of the caller's context cancels a call in Wippy, a function's process is
   * terminated, and a process called through its default host gets CANCEL ("caller context canceled",
   * service/processfunc/listener.go).
   */
  abandon(): void {
    if (!this.proc.alive) return;
    if (this.isFunction) this.rt.node.terminate(this.proc);
    else this.rt.node.cancel(undefined, this.proc, 'caller context canceled');
  }
}

/** "no handler registered for target" (system/function/errors.go NewHandlerNotFoundError). */
function noHandler(target: string): LuaErrorValue {
  return createError({ kind: ERROR_KINDS.NOT_FOUND, message: 'no handler registered for target', retryable: false, details: { target } });
}

/** The error of a call stopped by its timeout. */
export function timeoutError(target: string, ms: number): LuaErrorValue {
  return createError({ kind: ERROR_KINDS.TIMEOUT, message: `function call timed out after ${ms}ms: ${target}`, retryable: false, frames: [] });
}

const NO_SPAWN_OPTIONS: SpawnOptions = Object.freeze({});

/**
 * The most calls nested inside one another (a function calling a function ... calling one more). Every level is a
 * live process waiting for the next, so a function calling itself forever would fill the node with processes until
 * the memory guard refused spawns (over a million of them, minutes of work, gigabytes); Wippy has no limit of its own
 * (its calls nest on the Go stack until that overflows). 1,000 is far beyond any honest call chain.
 */
const MAX_CALL_DEPTH = 1000;

/** How deep in a chain of calls each call's process runs (1: called by a process that is no call); absent: 0. */
const DEPTH = new WeakMap<Proc, number>();

function depthError(target: string): LuaErrorValue {
  return createError({
    kind: LIMIT_EXCEEDED,
    message: `function call depth limit exceeded (${MAX_CALL_DEPTH} nested calls): ${target}`,
    retryable: false,
  });
}

/**
 * Starts a call of `target` (a well-formed id) for `caller` (undefined: the host) with `args` (copied into the
 * call's process); `done` runs once, when it ends. A target without a handler, a call nested past MAX_CALL_DEPTH, or
 * a spawn refused (a limit, an unknown default host), gives the error instead and nothing runs. Ending the call with its caller is the caller's
 * part: a blocked funcs.call does it when its task is closed, an async call through endWithCaller.
 */
export function startCall(
  rt: ProcessRuntime,
  caller: Proc | undefined,
  target: string,
  args: unknown[],
  opts: CallOptions,
  done: CallDone,
): RunningCall | { err: LuaErrorValue } {
  const node = rt.node;
  let spawnOpts = NO_SPAWN_OPTIONS;
  if (opts.context !== undefined || opts.security !== undefined) spawnOpts = { context: opts.context, security: opts.security };
  let proc: Proc;
  const depth = (caller === undefined ? 0 : (DEPTH.get(caller) ?? 0)) + 1;
  if (depth > MAX_CALL_DEPTH) return { err: depthError(target) };
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
  DEPTH.set(proc, depth);
  const call = new RunningCall(proc, rt, isFunction);
  const ms = opts.timeoutMs;
  if (ms === undefined) {
    proc.onExit.push((r: ExitResult) => done(r, false));
    return call;
  }
  let timedOut = false;
  const timer = node.sched.schedule(() => {
    timedOut = true;
    call.stop(timeoutError(target, ms));
  }, ms);
  proc.onExit.push((r: ExitResult) => {
    timer.unsubscribe();
    done(r, timedOut);
  });
  return call;
}

/** The async calls each caller has under way (what its exit ends), made on its first. */
const RUNNING = new WeakMap<Proc, Set<RunningCall>>();

/** Ends `call` when `caller` ends (until callEnded says it ended first). */
export function endWithCaller(caller: Proc, call: RunningCall): void {
  let calls = RUNNING.get(caller);
  if (calls === undefined) {
    const made = new Set<RunningCall>();
    calls = made;
    RUNNING.set(caller, made);
    // one exit observer per caller, however many calls it makes
    caller.onExit.push(() => {
      RUNNING.delete(caller);
      for (const c of [...made]) c.abandon();
    });
  }
  calls.add(call);
}

/** `call` of `caller` has ended: its caller's exit no longer concerns it. */
export function callEnded(caller: Proc, call: RunningCall): void {
  RUNNING.get(caller)?.delete(call);
}

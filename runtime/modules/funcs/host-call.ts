// Calling a function entry from host code (the `moonforge test` runner, embedders): the same call as funcs.call, made
// by no process, so it starts with an empty context and no actor or scope, and no permission is asked (the host is
// trusted, as Wippy's own runner calls tests with the system's rights).
import { errorText, isLuaErrorValue } from '../../lib/wippy/errors.js';
import type { ProcessRuntime } from '../../process/process-runtime.js';
import type { ExitResult } from '../../process/proc.js';
import { startCall } from './call.js';
import { targetError } from './target.js';

export interface FunctionCallOptions {
  /** fail the call (and stop its process) after this many milliseconds */
  timeoutMs?: number;
  /** context values the function sees through the ctx module (Lua values) */
  context?: ReadonlyMap<string, unknown>;
}

/**
 * The outcome of a call: main's first result (a Lua value: LuaTable, byte string, ...), or its failure — a raised
 * error, a `nil, err` return, a bad or unknown target, a refused spawn, a timeout.
 */
export type FunctionCallResult =
  | { ok: true; value: unknown }
  | {
      ok: false;
      /** the Lua error value (a Wippy error; a raised string becomes one) */
      error: unknown;
      /** the error as text (its message, with its kind's context) */
      message: string;
      /** the Lua traceback of an uncaught error, when there is one */
      traceback?: string;
      /** true when the call was stopped by `timeoutMs` */
      timedOut?: boolean;
    };

/** The text of a call's error value. */
function messageOf(error: unknown): string {
  if (isLuaErrorValue(error)) return errorText(error);
  return typeof error === 'string' ? error : String(error);
}

/**
 * Calls function entry `id` (or a process.lua entry with a default host) with `args` (Lua values, copied into the
 * call) and resolves when it ends. Never rejects for a Lua failure: every failure is `{ ok: false }`.
 */
export function callFunction(rt: ProcessRuntime, id: string, args: readonly unknown[] = [], opts: FunctionCallOptions = {}): Promise<FunctionCallResult> {
  const bad = targetError(id);
  if (bad !== undefined) return Promise.resolve({ ok: false, error: bad, message: errorText(bad) });
  return new Promise((resolve) => {
    const settle = (exit: ExitResult, timedOut: boolean): void => {
      if (exit.error === undefined) {
        resolve({ ok: true, value: exit.value });
        return;
      }
      const failed: FunctionCallResult = { ok: false, error: exit.error, message: messageOf(exit.error) };
      if (exit.traceback !== undefined) failed.traceback = exit.traceback;
      if (timedOut) failed.timedOut = true;
      resolve(failed);
    };
    const started = startCall(rt, undefined, id, [...args], { context: opts.context, timeoutMs: opts.timeoutMs }, settle);
    if ('err' in started) resolve({ ok: false, error: started.err, message: errorText(started.err) });
  });
}

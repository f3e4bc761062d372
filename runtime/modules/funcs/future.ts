// The Future of funcs.async (docs en/lua/core/future.md; runtime/lua/modules/future/future.go, funcs/module.go and
// system/function/dispatcher.go): a call under way and its response channel. When the call ends the channel gets
// one value — a Payload of the result, or the error value of a failed call — and is closed, as Wippy's dispatcher
// sends the result and a terminal payload together; the future keeps what it got for :result() and :error().
// The future belongs to the process that made it (it is userdata: a message carrying it delivers nil).
import { LuaTable } from '../../core/table.js';
import { LuaUserdata, typeName } from '../../core/value.js';
import { ret1, ret2 } from '../../core/results.js';
import { argError } from '../../core/args.js';
import { readOnly } from '../../core/read-only.js';
import { createError, ERROR_KINDS, wrapError, isLuaErrorValue, type LuaErrorValue } from '../../lib/wippy/errors.js';
import { newPayload, type Payload } from '../../lib/wippy/payload.js';
import { copyValue } from '../../process/copy.js';
import type { Channel } from '../../process/channel.js';
import type { ExitResult } from '../../process/proc.js';
import type { RunningCall } from './call.js';

export class FutureValue extends LuaUserdata {
  /** undefined while the call runs */
  result: Payload | undefined = undefined;
  error: unknown = undefined;
  complete = false;
  canceled = false;
  /** the call while it runs (cancel stops it) */
  call: RunningCall | undefined = undefined;

  constructor(
    mt: LuaTable,
    readonly ch: Channel,
  ) {
    super(mt);
  }

  /** The call ended (its process's exit): keep its outcome and deliver it on the channel, which then closes. */
  settle(end: Pick<ExitResult, 'value' | 'error'>): void {
    this.call = undefined;
    // a canceled future has let go of its call: its channel is closed and what the call did is not kept
    if (this.complete || this.canceled) return;
    this.complete = true;
    let delivered: unknown;
    if (end.error !== undefined) {
      this.error = end.error;
      delivered = end.error;
    } else {
      // the call's process has ended: its value is copied as any value crossing processes is
      this.result = newPayload(copyValue(end.value));
      delivered = this.result;
    }
    this.ch.offer(delivered);
    this.ch.close();
  }
}

/** future:cancel()'s error for :result() (future.go futureResult). */
const canceledError = (): LuaErrorValue => createError({ kind: ERROR_KINDS.CANCELED, message: 'canceled', retryable: false });

/** The metatable every future shares (read-only: futures of all processes use it). */
export function futureMetatable(): LuaTable {
  const check = (v: unknown, fname: string): FutureValue => {
    if (v instanceof FutureValue) return v;
    throw argError(1, fname, `Future expected, got ${v === undefined ? 'no value' : typeName(v)}`);
  };
  const methods = new LuaTable();
  // the same channel every time (select_future.lua compares them)
  methods.response = (f: unknown) => ret1(check(f, 'response').ch);
  methods.channel = (f: unknown) => ret1(check(f, 'channel').ch);
  methods.is_complete = (f: unknown) => ret1(check(f, 'is_complete').complete);
  methods.is_canceled = (f: unknown) => ret1(check(f, 'is_canceled').canceled);
  // not complete: nil, nil; canceled: nil, Canceled; failed: nil, err; done: the Payload, nil
  methods.result = (f: unknown) => {
    const fut = check(f, 'result');
    if (fut.canceled) return ret2(undefined, canceledError());
    if (fut.error !== undefined) return ret2(undefined, fut.error);
    return ret2(fut.result, undefined);
  };
  // failed: the error wrapped as "async call failed", kind Internal, and true; else nil, false
  methods.error = (f: unknown) => {
    const fut = check(f, 'error');
    if (fut.error === undefined) return ret2(undefined, false);
    const inner = isLuaErrorValue(fut.error) ? fut.error : String(fut.error);
    const e = wrapError(inner, 'async call failed');
    e.kind = ERROR_KINDS.INTERNAL;
    e.retryable = false;
    return ret2(e, true);
  };
  // Marks the future canceled and closes its channel (Wippy sends the caller's future topic a terminal payload), and
  // stops the call's process: Wippy leaves it running to completion (best effort), but nothing can read its result
  // any more, so its work is only waste here. Returns true (funcs/yields.go AsyncCancelYield).
  methods.cancel = (f: unknown) => {
    const fut = check(f, 'cancel');
    fut.canceled = true;
    fut.ch.close();
    const call = fut.call;
    fut.call = undefined;
    call?.stop(canceledError());
    return ret1(true);
  };
  readOnly(methods);
  const mt = new LuaTable();
  mt.__index = methods;
  return readOnly(mt);
}

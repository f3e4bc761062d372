// The `funcs` module (spec §3.5; docs en/lua/core/funcs.md; runtime/lua/modules/funcs/module.go): call function
// entries synchronously (`funcs.call` → `result, err`, parking the caller's task until the call's process ends) or
// asynchronously (`funcs.async` → a Future), directly or through an immutable Executor (funcs.new) that sets context
// values, actor, scope and a timeout. Every permission is asked before anything happens: funcs.call on the target,
// funcs.context for with_context, funcs.security for with_actor / with_scope.
import { LuaTable } from '../../core/table.js';
import { ret1, ret2 } from '../../core/results.js';
import { luaError } from '../../core/errors.js';
import { mkY, type LuaGen } from '../../core/coroutine.js';
import { argError, checkStr, checkTable } from '../../core/args.js';
import { readOnly } from '../../core/read-only.js';
import { typeName } from '../../core/value.js';
import { createError, ERROR_KINDS, type LuaErrorValue } from '../../lib/wippy/errors.js';
import { ActorValue, ScopeValue } from '../../security/lua-values.js';
import { copyValue } from '../../process/copy.js';
import type { ExitResult, Proc } from '../../process/proc.js';
import type { ProcessRuntime } from '../../process/process-runtime.js';
import { PARK } from '../../../abi/index.js';
import type { PlatformModule } from '../module-host.js';
import { callEnded, endWithCaller, startCall, type CallOptions, type RunningCall } from './call.js';
import { ExecutorValue, mergedContext, timeoutOption, withFields } from './executor.js';
import { FutureValue, futureMetatable } from './future.js';
import { targetError } from './target.js';

const denied = (message: string): LuaErrorValue => createError({ kind: ERROR_KINDS.PERMISSION_DENIED, message, retryable: false });

export const FUNCS_MODULE: PlatformModule = {
  name: 'funcs',
  create: (host) => createFuncsModule(host.rt),
};

function createFuncsModule(rt: ProcessRuntime): LuaTable {
  const node = rt.node;
  const sched = node.sched;

  const caller = (fname: string): Proc => {
    const p = node.current;
    if (p === undefined) throw luaError(`funcs.${fname} must be called from a process task`);
    return p;
  };

  /** The target checked as Wippy checks it (string, well-formed, funcs.call allowed), or the `nil, err` to return. */
  const checkTarget = (me: Proc, target: unknown, argn: number, fname: string): string | { err: LuaErrorValue } => {
    const id = checkStr(target, argn, fname);
    const bad = targetError(id);
    if (bad !== undefined) return { err: bad };
    if (!node.check('funcs.call', id, me)) return { err: denied(`not allowed: ${id}`) };
    return id;
  };

  /**
   * A synchronous call: parks the calling task until the call ends; `result, nil` or `nil, err`. A caller that ends
   * meanwhile closes this generator (its task is stopped): the call ends with it.
   */
  function* callY(target: unknown, argn: number, fname: string, args: unknown[], opts: CallOptions): LuaGen {
    const me = caller(fname);
    const id = checkTarget(me, target, argn, fname);
    if (typeof id !== 'string') return ret2(undefined, id.err);
    const task = sched.current!;
    const token = sched.parkToken(task, 'call');
    const started = startCall(rt, me, id, args, opts, (exit) => sched.wake(task, exit, token));
    if ('err' in started) return ret2(undefined, started.err);
    let exit: ExitResult | undefined;
    try {
      exit = (yield PARK) as ExitResult;
    } finally {
      if (exit === undefined) started.abandon();
    }
    if (exit.error !== undefined) return ret2(undefined, exit.error);
    // the call's process has ended: its value is copied as any value crossing processes is
    return ret2(copyValue(exit.value), undefined);
  }

  /**
   * An asynchronous call: the Future at once. A target without a handler (or a refused spawn) is not an error of
   * async itself: as in Wippy, where the call fails after the async start (system/function/dispatcher.go), the
   * future gets the error.
   */
  const futureMt = futureMetatable();
  const asyncCall = (target: unknown, argn: number, fname: string, args: unknown[], opts: CallOptions): unknown => {
    const me = caller(fname);
    const id = checkTarget(me, target, argn, fname);
    if (typeof id !== 'string') return ret2(undefined, id.err);
    const future = new FutureValue(futureMt, rt.channels.newChannel(1));
    const started = startCall(rt, me, id, args, opts, (exit) => {
      callEnded(me, started as RunningCall);
      future.settle(exit);
    });
    if ('err' in started) future.settle({ value: undefined, error: started.err });
    else {
      future.call = started;
      endWithCaller(me, started);
    }
    return ret2(future, undefined);
  };

  const notInTask = (fname: string) => (): never => {
    throw luaError(`funcs.${fname} must be called from a process task`);
  };

  const mod = new LuaTable();
  mod.call = mkY(notInTask('call'), function* (target: unknown, ...args: unknown[]): LuaGen {
    return yield* callY(target, 1, 'call', args, {});
  });
  mod.async = (target: unknown, ...args: unknown[]) => asyncCall(target, 1, 'async', args, {});

  // ---- executors ----
  const methods = new LuaTable();
  const mt = new LuaTable();
  mt.__index = methods;
  const checkExecutor = (v: unknown, fname: string): ExecutorValue => {
    if (v instanceof ExecutorValue) return v;
    throw argError(1, fname, `Executor expected, got ${v === undefined ? 'no value' : typeName(v)}`);
  };
  mod.new = () => ret1(new ExecutorValue(mt, undefined, undefined, undefined, undefined));

  // Permission failures of the builder are returned (`nil, err`), as module.go pushes them, not raised.
  methods.with_context = (self: unknown, values: unknown) => {
    const e = checkExecutor(self, 'with_context');
    if (!node.check('funcs.context', 'context', caller('with_context'))) return ret2(undefined, denied('not allowed to call functions with custom context'));
    const t = checkTable(values, 2, 'with_context');
    return ret1(withFields(mt, e, { context: mergedContext(e.context, t) }));
  };
  const securityDenied = (): unknown => ret2(undefined, denied('not allowed to call functions with custom security context'));
  methods.with_actor = (self: unknown, actor: unknown) => {
    const e = checkExecutor(self, 'with_actor');
    if (!node.check('funcs.security', 'security', caller('with_actor'))) return securityDenied();
    if (actor === undefined) throw argError(2, 'with_actor', 'actor cannot be nil');
    if (!(actor instanceof ActorValue)) throw argError(2, 'with_actor', 'Actor expected');
    return ret1(withFields(mt, e, { actor: actor.actor }));
  };
  methods.with_scope = (self: unknown, scope: unknown) => {
    const e = checkExecutor(self, 'with_scope');
    if (!node.check('funcs.security', 'security', caller('with_scope'))) return securityDenied();
    if (scope === undefined) throw argError(2, 'with_scope', 'scope cannot be nil');
    if (!(scope instanceof ScopeValue)) throw argError(2, 'with_scope', 'Scope expected');
    return ret1(withFields(mt, e, { scope: scope.scope }));
  };
  methods.with_options = (self: unknown, options: unknown) => {
    const e = checkExecutor(self, 'with_options');
    const t = checkTable(options, 2, 'with_options');
    return ret1(withFields(mt, e, { timeoutMs: timeoutOption(t) }));
  };
  methods.call = mkY(notInTask('call'), function* (self: unknown, target: unknown, ...args: unknown[]): LuaGen {
    const e = checkExecutor(self, 'call');
    return yield* callY(target, 2, 'call', args, e.callOptions());
  });
  methods.async = (self: unknown, target: unknown, ...args: unknown[]) => asyncCall(target, 2, 'async', args, checkExecutor(self, 'async').callOptions());
  // every process's executors share these tables: read-only (a writable one would let one process change what
  // another's calls do)
  readOnly(methods);
  readOnly(mt);
  return readOnly(mod);
}

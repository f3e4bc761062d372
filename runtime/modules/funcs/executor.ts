// funcs.new()'s Executor (runtime/lua/modules/funcs/module.go): an immutable builder of calls — each with_* returns a
// new Executor — carrying context values, an actor, a scope and options for the calls made through it.
import { LuaTable, ownStringKeys } from '../../core/table.js';
import { LuaUserdata } from '../../core/value.js';
import { argError } from '../../core/args.js';
import { copyValue } from '../../process/copy.js';
import { toDurationNs } from '../../lib/wippy/time/duration.js';
import type { Actor } from '../../security/conditions.js';
import type { Scope } from '../../security/scope.js';
import type { CallOptions } from './call.js';

export class ExecutorValue extends LuaUserdata {
  constructor(
    mt: LuaTable,
    /** values added over the caller's context (copied when set) */
    readonly context: ReadonlyMap<string, unknown> | undefined,
    readonly actor: Actor | undefined,
    readonly scope: Scope | undefined,
    readonly timeoutMs: number | undefined,
  ) {
    super(mt);
  }

  /** What a call through this executor is made with. */
  callOptions(): CallOptions {
    const o: CallOptions = {};
    if (this.context !== undefined) o.context = this.context;
    if (this.actor !== undefined || this.scope !== undefined) o.security = { actor: this.actor, scope: this.scope };
    if (this.timeoutMs !== undefined) o.timeoutMs = this.timeoutMs;
    return o;
  }
}

/** A copy of `e` with some fields replaced (executors are immutable: every with_* makes a new one). */
export function withFields(mt: LuaTable, e: ExecutorValue, patch: Partial<Pick<ExecutorValue, 'context' | 'actor' | 'scope' | 'timeoutMs'>>): ExecutorValue {
  return new ExecutorValue(
    mt,
    'context' in patch ? patch.context : e.context,
    'actor' in patch ? patch.actor : e.actor,
    'scope' in patch ? patch.scope : e.scope,
    'timeoutMs' in patch ? patch.timeoutMs : e.timeoutMs,
  );
}

/**
 * The executor's context with the string-keyed values of `t` laid over it, each copied (Wippy converts them to Go
 * values: later changes to the table do not reach the calls).
 */
export function mergedContext(base: ReadonlyMap<string, unknown> | undefined, t: LuaTable): Map<string, unknown> {
  const m = new Map(base);
  for (const k of ownStringKeys(t)) m.set(k, copyValue(t[k]));
  return m;
}

/**
 * The `timeout` of with_options in milliseconds: a number of milliseconds (Wippy's docs: `{timeout = 5000}`) or a
 * duration string ("5s"); undefined when the table has none. Other options are accepted and have no effect here.
 */
export function timeoutOption(t: LuaTable): number | undefined {
  const v = t.timeout;
  if (v === undefined) return undefined;
  if (typeof v === 'number') {
    if (v > 0 && Number.isFinite(v)) return v;
  } else if (typeof v === 'string') {
    const r = toDurationNs(v);
    if (r.ok && r.ns > 0) return r.ns / 1e6;
  }
  throw argError(2, 'with_options', 'timeout must be a positive number of milliseconds or a duration');
}

// Calling the runtime's Lua-facing functions from a test the way compiled code calls them: a library function, a
// userdata method or a metamethod (through the metatable), every result collected from the registers, and the value
// of the Lua error a call raises.
import { LuaError } from '../../runtime/core/errors.js';
import { getMetatable } from '../../runtime/core/meta.js';
import { collect } from '../../runtime/core/results.js';
import { LuaTable, rawget } from '../../runtime/core/table.js';

export type LuaFn = (...args: unknown[]) => unknown;

/** The function `name` of a library table. */
export function fn(lib: LuaTable, name: string): LuaFn {
  const f = rawget(lib, name);
  if (typeof f !== 'function') throw new Error(`no function ${name}`);
  return f as LuaFn;
}

/** Calls a Lua-callable JS function and returns every result. */
export function callAllResults(f: LuaFn, ...args: unknown[]): unknown[] {
  return collect(f(...args));
}

/** `lib.name(...)`: all results. */
export function libCall(lib: LuaTable, name: string, ...args: unknown[]): unknown[] {
  return callAllResults(fn(lib, name), ...args);
}

/** `obj:name(...)`: all results. */
export function method(obj: unknown, name: string, ...args: unknown[]): unknown[] {
  const mt = getMetatable(obj);
  if (mt === undefined) throw new Error('no metatable');
  const f = rawget(mt.__index as LuaTable, name);
  if (typeof f !== 'function') throw new Error(`no method ${name}`);
  return collect(f(obj, ...args));
}

/** A metamethod of obj's metatable called with args: all results. */
export function meta(obj: unknown, event: string, ...args: unknown[]): unknown[] {
  const f = getMetatable(obj)?.[event];
  if (typeof f !== 'function') throw new Error(`no ${event}`);
  return collect(f(...args));
}

/** The Lua error value `run` raises (a failure when it raises none, or raises something that is not a Lua error). */
export function luaErrorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    if (e instanceof LuaError) return e.value;
    throw e;
  }
  throw new Error('expected a Lua error');
}

/** The message of the Lua error `f(...args)` raises. */
export function errorOf(f: LuaFn, ...args: unknown[]): string {
  return String(luaErrorOf(() => f(...args)));
}

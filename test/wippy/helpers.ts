// Test helpers for Lua-facing library values: call a userdata method or metamethod the way compiled code does
// (through the metatable), collecting every result from the registers.
import { collect } from '../../runtime/core/results.js';
import { getMetatable } from '../../runtime/core/meta.js';
import { LuaError } from '../../runtime/core/errors.js';
import { LuaTable, rawget } from '../../runtime/core/table.js';

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

/** `lib.name(...)`: all results. */
export function libCall(lib: LuaTable, name: string, ...args: unknown[]): unknown[] {
  const f = rawget(lib, name);
  if (typeof f !== 'function') throw new Error(`no function ${name}`);
  return collect(f(...args));
}

/** The Lua error value raised by fn, or a failure when it does not raise a LuaError. */
export function luaErrorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    if (e instanceof LuaError) return e.value;
    throw e;
  }
  throw new Error('expected a Lua error');
}

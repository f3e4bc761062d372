// Values across the host boundary: JS values to Lua values and back. Strings are encoded and decoded as in
// lua-string.ts.
import { ARR, HASH, LuaTable, rawset } from '../runtime/index.js';
import { errorText, isLuaErrorValue } from '../runtime/process/index.js';
import { fromLuaString, toLuaString } from './lua-string.js';

/** A Lua error value seen from JS. */
export class LuaProcessError extends Error {
  constructor(
    message: string,
    readonly kind: string,
  ) {
    super(message);
  }
}

/**
 * JS → Lua: strings encoded, arrays to sequences (null/undefined become nil), plain objects and Maps to tables;
 * numbers, booleans, functions and Lua values (tables, userdata) pass through.
 */
export function toLua(v: unknown): unknown {
  return luaOf(v, new Map());
}

/** toLua with the tables made so far (a JS value met again, a cycle, becomes the same table). */
function luaOf(v: unknown, seen: Map<object, LuaTable>): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return toLuaString(v);
  if (typeof v === 'bigint') return Number(v);
  if (typeof v !== 'object' || v instanceof LuaTable) return v;
  const done = seen.get(v);
  if (done !== undefined) return done;
  if (Array.isArray(v)) {
    const t = new LuaTable();
    seen.set(v, t);
    v.forEach((x, i) => rawset(t, i + 1, luaOf(x, seen)));
    return t;
  }
  if (v instanceof Map) {
    const t = new LuaTable();
    seen.set(v, t);
    for (const [k, x] of v) if (k !== null && k !== undefined) rawset(t, luaOf(k, seen), luaOf(x, seen));
    return t;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return v; // userdata and other host objects
  const t = new LuaTable();
  seen.set(v, t);
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) rawset(t, toLuaString(k), luaOf(x, seen));
  return t;
}

/**
 * Lua → JS: strings decoded; a table whose keys are exactly 1..n becomes an array, an empty table `{}`, any other
 * table an object (keys as text); Wippy error values become LuaProcessError; other values pass through.
 */
export function toJS(v: unknown): unknown {
  return jsOf(v, new Map());
}

/** toJS with the values made so far (a table met again, a cycle, becomes the same JS value). */
function jsOf(v: unknown, seen: Map<LuaTable, unknown>): unknown {
  if (typeof v === 'string') return fromLuaString(v);
  if (isLuaErrorValue(v)) return new LuaProcessError(fromLuaString(errorText(v)), String(v.kind ?? ''));
  if (!(v instanceof LuaTable)) return v;
  const done = seen.get(v);
  if (done !== undefined) return done;
  const arr = v[ARR];
  const keys = Object.keys(v).filter((k) => v[k] !== undefined); // a cleared field holds undefined
  const hash = v[HASH];
  if (keys.length === 0 && (hash === undefined || hash.size === 0) && arr.length > 0) {
    const out: unknown[] = [];
    seen.set(v, out);
    for (const x of arr) out.push(jsOf(x, seen));
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(v, out);
  arr.forEach((x, i) => {
    if (x !== undefined) out[String(i + 1)] = jsOf(x, seen);
  });
  for (const k of keys) out[fromLuaString(k)] = jsOf(v[k], seen);
  if (hash !== undefined) for (const [k, x] of hash) out[typeof k === 'string' ? fromLuaString(k) : String(k)] = jsOf(x, seen);
  return out;
}

// Values crossing processes (send payloads, spawn arguments, results) are deep-copied (Wippy spec §2.4): tables with
// their cycles and metatables, functions by reference, Wippy error values kept, payload values copied, every other
// userdata (channels, messages, timers) becomes nil.
import { LuaTable, rawset } from '../core/table.js';
import { ARR, HASH, MT } from '../core/symbols.js';
import { isLuaErrorValue } from '../lib/wippy/errors.js';
import { Payload, PAYLOAD_FORMATS } from '../lib/wippy/payload.js';
import { TypeValue } from '../types/index.js';

export function copyValue(v: unknown, seen?: Map<LuaTable, LuaTable>): unknown {
  switch (typeof v) {
    case 'undefined':
    case 'boolean':
    case 'number':
    case 'string':
    case 'function':
      return v;
    default:
      break;
  }
  if (v instanceof LuaTable) return copyTable(v, seen ?? new Map());
  if (isLuaErrorValue(v) || v instanceof TypeValue) return v;
  // a payload crosses as a payload; its Lua data is copied like any value (its other data is immutable)
  if (v instanceof Payload) return v.format === PAYLOAD_FORMATS.LUA ? new Payload(v.format, copyValue(v.data, seen)) : v;
  return undefined;
}

function copyTable(t: LuaTable, seen: Map<LuaTable, LuaTable>): LuaTable {
  const done = seen.get(t);
  if (done !== undefined) return done;
  const out = new LuaTable();
  seen.set(t, out);
  const arr = t[ARR];
  if (arr.length > 0) {
    const a = new Array<unknown>(arr.length);
    for (let i = 0; i < arr.length; i++) a[i] = copyValue(arr[i], seen);
    out[ARR] = a;
  }
  for (const k of Object.keys(t)) {
    const v = copyValue(t[k], seen);
    if (v !== undefined) out[k] = v;
  }
  const h = t[HASH];
  if (h !== undefined) {
    for (const [k, v] of h) {
      const ck = copyValue(k, seen);
      const cv = copyValue(v, seen);
      if (ck !== undefined && cv !== undefined) rawset(out, ck, cv);
    }
  }
  const mt = t[MT];
  if (mt !== undefined) out[MT] = copyTable(mt, seen);
  return out;
}

/** Copies a list of values (spawn arguments, payloads); values shared between them stay shared in the copy. */
export function copyValues(vals: readonly unknown[]): unknown[] {
  const n = vals.length;
  if (n === 0) return [];
  const out = new Array<unknown>(n);
  // the identity map is made for the first table only: most payloads are numbers and strings
  let seen: Map<LuaTable, LuaTable> | undefined;
  for (let i = 0; i < n; i++) {
    const v = vals[i];
    if (v instanceof LuaTable) out[i] = copyTable(v, (seen ??= new Map()));
    else out[i] = copyValue(v);
  }
  return out;
}

// Lua values <-> plain JS values, the stand-in for Go's `any` in Wippy's conversions (engine/value/util.go ToGoAny,
// and GoToLua the other way): what YAML encodes and decodes, and the data of a payload of format golang/any (values a
// host passes in and gets back). Strings cross as text: Lua's byte strings are read as UTF-8 (invalid sequences
// become U+FFFD) and JS text comes back as UTF-8 bytes.
import { LuaTable, rawset, tableFromArray, tableNext } from '../../core/table.js';
import { ARR } from '../../core/symbols.js';
import { LuaUserdata, typeName } from '../../core/value.js';
import { numberToString } from '../../core/number-format.js';
import { addressOf } from '../../core/tostring.js';
import { LuaErrorValue, errorText } from './errors.js';
import { luaToText, textToLua } from '../lua-text.js';

/** A JS value of Go's shape: null, boolean, number, string, array, or a Map with string keys. */
export type GoValue = null | boolean | number | string | GoValue[] | Map<string, GoValue>;

/** Raised for a table that contains itself (Go's ToGoAny would recurse forever). */
export class GoValueCycleError extends Error {}

/** Go's `LValue.String()` of a value that is not data (functions, userdata, threads). */
function valueText(v: unknown): string {
  if (v instanceof LuaErrorValue) return errorText(v);
  return `${typeName(v)}: ${addressOf(v as object)}`;
}

/** A key as Go's `key.String()` writes it. */
function keyText(k: unknown): string {
  if (typeof k === 'string') return k;
  if (typeof k === 'number') return numberToString(k);
  if (typeof k === 'boolean') return k ? 'true' : 'false';
  return valueText(k);
}

function tableToGo(t: LuaTable, open: Set<LuaTable>): GoValue {
  if (open.has(t)) throw new GoValueCycleError('cannot convert recursively nested tables');
  open.add(t);
  let out: GoValue;
  const arr = t[ARR];
  if (arr.length > 0) {
    // ToGoAny: a table with a sequence is a list of 1..n, whatever other keys it has
    out = arr.map((v) => toGo(v, open));
  } else {
    const m = new Map<string, GoValue>();
    const slot: unknown[] = [undefined];
    for (let k = tableNext(t, undefined, slot); k !== undefined; k = tableNext(t, k, slot)) {
      m.set(luaToText(keyText(k)), toGo(slot[0], open));
    }
    out = m;
  }
  open.delete(t);
  return out;
}

function toGo(v: unknown, open: Set<LuaTable>): GoValue {
  switch (typeof v) {
    case 'undefined':
      return null;
    case 'boolean':
    case 'number':
      return v;
    case 'string':
      return luaToText(v);
    default:
      break;
  }
  if (v instanceof LuaTable) return tableToGo(v, open);
  return luaToText(valueText(v));
}

/** A Lua value as Go's `any` (ToGoAny); throws GoValueCycleError for a table that contains itself. */
export function luaToGo(v: unknown): GoValue {
  return toGo(v, new Set());
}

/**
 * A JS value as a Lua value (Go's GoToLua): null/undefined are nil, arrays 1-based tables (null items leave holes),
 * byte arrays byte strings, Maps and plain objects tables (keys that are strings, numbers or booleans; others are left
 * out), Dates their ISO text, bigints numbers; anything else nil.
 */
export function goToLua(v: unknown): unknown {
  switch (typeof v) {
    case 'undefined':
      return undefined;
    case 'boolean':
    case 'number':
      return v;
    case 'bigint':
      return Number(v);
    case 'string':
      return textToLua(v);
    default:
      break;
  }
  if (v === null || typeof v !== 'object') return undefined;
  if (v instanceof LuaTable || v instanceof LuaUserdata) return v;
  if (Array.isArray(v)) return tableFromArray(v.map(goToLua));
  // bytes (YAML's !!binary, a host's Buffer): a byte string, as Go's []byte becomes one
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('latin1');
  if (v instanceof Date) return textToLua(v.toISOString());
  const t = new LuaTable();
  const entries: Iterable<[unknown, unknown]> = v instanceof Map ? v : Object.entries(v);
  for (const [k, x] of entries) {
    const lk = typeof k === 'string' ? textToLua(k) : k;
    if (typeof lk !== 'string' && typeof lk !== 'number' && typeof lk !== 'boolean') continue;
    if (typeof lk === 'number' && lk !== lk) continue;
    const lv = goToLua(x);
    if (lv === undefined) continue;
    rawset(t, lk, lv);
  }
  return t;
}

// Lua's tostring for every value: numbers as go-lua prints them, `__tostring` (which must return a string), and
// "table: 0x..." style names with a stable per-object id for the rest.
import { LuaTable } from './table.js';
import { getMetamethod } from './meta.js';
import { typeName } from './value.js';
import { numberToString } from './number-format.js';
import { call } from './call.js';
import { luaError } from './errors.js';

const ids = new WeakMap<object, number>();
let nextId = 0x10000;

/** A stable pseudo address for an object, as PUC Lua prints pointers. */
export function addressOf(v: object): string {
  let id = ids.get(v);
  if (id === undefined) {
    id = nextId;
    nextId += 0x28;
    ids.set(v, id);
  }
  return `0x${id.toString(16).padStart(8, '0')}`;
}

export function tostring(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return numberToString(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
      return 'nil';
    default:
      break;
  }
  const h = getMetamethod(v, '__tostring');
  if (h !== undefined) {
    const s = call(h, v);
    if (typeof s === 'string') return s;
    if (typeof s === 'number') return numberToString(s);
    throw luaError("'__tostring' must return a string");
  }
  if (v instanceof LuaTable) return `table: ${addressOf(v)}`;
  if (typeof v === 'function') return `function: ${addressOf(v)}`;
  return `${typeName(v)}: ${addressOf(v as object)}`;
}

/**
 * The `tostring` builtin: like tostring(), but what `__tostring` returns is given back unchanged, whatever its type
 * (Lua 5.1 luaB_tostring and go-lua do not check it; print and string.format do).
 */
export function tostringBuiltin(v: unknown): unknown {
  if (typeof v === 'object' && v !== null) {
    const h = getMetamethod(v, '__tostring');
    if (h !== undefined) return call(h, v);
  }
  return tostring(v);
}

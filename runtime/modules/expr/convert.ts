// Between Lua and expr values, as Wippy converts them (value.ToGoAny on the way in: a table with a sequence part is
// an array, any other table a map keyed by each key's text, functions and userdata their text; payload.GoToLua on
// the way out: arrays become sequences, maps tables).
import { LuaTable, rawget, rawlen, tableNext, tableFromArray, rawset } from '../../core/table.js';
import { typeName } from '../../core/value.js';
import { numberToString } from '../../core/number-format.js';
import { addressOf } from '../../core/tostring.js';
import { isLuaErrorValue, errorText } from '../../lib/wippy/errors.js';
import { ExprRuntimeError } from './values.js';

export function fromLua(v: unknown, path: Set<LuaTable> = new Set()): unknown {
  switch (typeof v) {
    case 'undefined':
      return null;
    case 'boolean':
    case 'number':
    case 'string':
      return v;
    default:
      break;
  }
  if (v instanceof LuaTable) {
    if (path.has(v)) throw new ExprRuntimeError('the environment holds a table that contains itself', 0);
    path.add(v);
    let out: unknown;
    const n = rawlen(v);
    if (n > 0) {
      const arr = new Array<unknown>(n);
      for (let i = 0; i < n; i++) arr[i] = fromLua(rawget(v, i + 1), path);
      out = arr;
    } else {
      const m = new Map<unknown, unknown>();
      const cell: unknown[] = [undefined];
      for (let k = tableNext(v, undefined, cell); k !== undefined; k = tableNext(v, k, cell)) m.set(keyText(k), fromLua(cell[0], path));
      out = m;
    }
    path.delete(v);
    return out;
  }
  if (isLuaErrorValue(v)) return errorText(v);
  return `${typeName(v)}: ${addressOf(v as object)}`;
}

function keyText(k: unknown): string {
  if (typeof k === 'string') return k;
  if (typeof k === 'number') return numberToString(k);
  if (typeof k === 'boolean') return k ? 'true' : 'false';
  return `${typeName(k)}: ${addressOf(k as object)}`;
}

export function toLua(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) return tableFromArray(v.map(toLua));
  if (v instanceof Map) {
    const t = new LuaTable();
    for (const [k, x] of v) if (k !== null && k !== undefined) rawset(t, k, toLua(x));
    return t;
  }
  if (typeof v === 'function') return undefined;
  return v;
}

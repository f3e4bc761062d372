// Log fields from Lua values, as Wippy's logger turns a fields table into zap fields
// (wippyai/runtime runtime/lua/modules/logger/logger.go tableToFields, and value.ToGoAny for nested values):
// only string keys count; strings, numbers and booleans stay what they are; an error value becomes its message; other
// userdata become their string form, or nothing when that is empty; a table becomes a JSON array when it has a
// sequence part (1..n), else an object keyed by each key's text; functions and threads become "function: 0x...".
import { LuaTable, rawlen, rawget, tableNext } from '../../core/table.js';
import { LuaUserdata, typeName } from '../../core/value.js';
import { numberToString } from '../../core/number-format.js';
import { addressOf } from '../../core/tostring.js';
import { isLuaErrorValue, errorText } from '../../lib/wippy/errors.js';
import { luaToText } from '../../lib/lua-text.js';

/** Adds the string-keyed entries of `t` to `out` (later keys of the same name replace earlier ones, as zap's). */
export function addFields(out: Record<string, unknown>, t: LuaTable): void {
  // String keys are the table's own JS properties (LuaTable keeps them so); the array and hash parts hold only
  // other keys, which Wippy skips.
  for (const k in t) {
    const v = (t as unknown as Record<string, unknown>)[k];
    if (v === undefined) continue; // a cleared field (table.ts clearStringKey)
    if (v instanceof LuaUserdata && !isLuaErrorValue(v)) {
      // go-lua LVAsString of a non-error userdata is "": such a field is left out
      continue;
    }
    out[luaToText(k)] = fieldValue(v, undefined);
  }
}

/** One value as JSON-ready data; `path` holds the tables being converted, so a cycle ends in the table's text. */
export function fieldValue(v: unknown, path: Set<LuaTable> | undefined): unknown {
  switch (typeof v) {
    case 'string':
      return luaToText(v);
    case 'number':
      // JSON has no NaN or infinities; zap writes them as these strings
      return Number.isFinite(v) ? v : numberText(v);
    case 'boolean':
      return v;
    case 'undefined':
      return null;
    default:
      break;
  }
  if (v instanceof LuaTable) {
    const seen = path ?? new Set<LuaTable>();
    if (seen.has(v)) return `table: ${addressOf(v)}`;
    seen.add(v);
    const out = rawlen(v) > 0 ? sliceOf(v, seen) : mapOf(v, seen);
    seen.delete(v);
    return out;
  }
  if (isLuaErrorValue(v)) return luaToText(errorText(v));
  return `${typeName(v)}: ${addressOf(v as object)}`;
}

function numberText(n: number): string {
  return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
}

function sliceOf(t: LuaTable, seen: Set<LuaTable>): unknown[] {
  const n = rawlen(t);
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) out[i] = fieldValue(rawget(t, i + 1), seen);
  return out;
}

function mapOf(t: LuaTable, seen: Set<LuaTable>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const cell: unknown[] = [undefined];
  for (let k = tableNext(t, undefined, cell); k !== undefined; k = tableNext(t, k, cell)) {
    const key = typeof k === 'string' ? luaToText(k) : typeof k === 'number' ? numberToString(k) : keyText(k);
    out[key] = fieldValue(cell[0], seen);
  }
  return out;
}

function keyText(k: unknown): string {
  if (typeof k === 'boolean') return k ? 'true' : 'false';
  return `${typeName(k)}: ${addressOf(k as object)}`;
}

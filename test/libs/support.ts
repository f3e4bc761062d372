// Helpers for the library tests: run Lua 5.1 snippets, and turn a JS-side LuaTable into the text the Lua side prints.
// Calling library functions from JS is test/support/library-calls.ts.
import { referenceLuaOutput } from '../support/reference-lua.js';
import { LuaTable, rawget, rawlen } from '../../runtime/core/table.js';

/** Runs lua5.1 on `code` with an optional environment; returns its stdout lines. */
export function runLua51Lines(code: string, env: Record<string, string> = {}): string[] {
  const lines = referenceLuaOutput(code, { env }).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Lua source of `dump(t)`, printing a table's raw keys 1..maxKey as "v1,v2,..." with "nil" for holes, after
 * its border: the JS twin is `dumpTable`. Only for tables of strings and integers (whose printing agrees).
 */
export const LUA_DUMP = `
local function dump(t, maxKey)
  local parts = {}
  for i = 1, maxKey do parts[#parts + 1] = tostring(rawget(t, i)) end
  return #t .. ':' .. table.concat(parts, ',')
end
`;

export function dumpTable(t: LuaTable, maxKey: number): string {
  const parts: string[] = [];
  for (let i = 1; i <= maxKey; i++) parts.push(showValue(rawget(t, i)));
  return `${rawlen(t)}:${parts.join(',')}`;
}

/** tostring for nil, booleans, strings and integers (the values whose printing lua5.1 and moonforge share). */
export function showValue(v: unknown): string {
  if (v === undefined) return 'nil';
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw new Error(`non-integral number ${v} in a differential test`);
    return String(v);
  }
  return String(v);
}

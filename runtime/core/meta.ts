// Metatable lookup for every kind of value (tables, userdata, and the shared string metatable).
import { MT } from './symbols.js';
import { LuaTable } from './table.js';

/** The metatable of string values (`("x"):upper()`), installed by the string library. */
let stringMeta: LuaTable | undefined;

/** The same metatable for compiled code (runtime ABI `SMETA`): `s:m()` reads `SMETA.mt.__index.m` inline. */
export const STRING_META: { mt: LuaTable | undefined } = { mt: undefined };

export function setStringMetatable(mt: LuaTable | undefined): void {
  stringMeta = mt;
  STRING_META.mt = mt;
}

/**
 * Whether string values share one metatable between processes. Once a process runtime exists in this JS realm the
 * string metatable stays the read-only one (runtime/lib/string/index.ts): a writable one would let a process install
 * code that runs inside the others. Until then a plain script may get a writable metatable of its own.
 */
let stringMetaShared = false;

export function shareStringMetatable(): void {
  stringMetaShared = true;
}

/**
 * A plain script is the only Lua code of its run, so it gets a writable string metatable of its own, as under lua5.1
 * (`getmetatable("").__index = ...` works); its __index is still the read-only string library. Not once processes
 * share the realm (shareStringMetatable): then the read-only one stays.
 */
export function ownStringMetatable(stringLib: LuaTable): void {
  if (stringMetaShared) return;
  const mt = new LuaTable();
  mt.__index = stringLib;
  setStringMetatable(mt);
}

export function getStringMetatable(): LuaTable | undefined {
  return stringMeta;
}

/** The metatable of any value, or undefined (raw: ignores __metatable). */
export function getMetatable(v: unknown): LuaTable | undefined {
  if (typeof v === 'object') {
    if (v === null || v === undefined) return undefined;
    return (v as { [MT]?: LuaTable })[MT];
  }
  if (typeof v === 'string') return stringMeta;
  return undefined;
}

/** The metamethod `event` of `v` (e.g. "__index"), or undefined. */
export function getMetamethod(v: unknown, event: string): unknown {
  if (v instanceof LuaTable) {
    const m = v[MT];
    return m === undefined ? undefined : m[event];
  }
  const mt = getMetatable(v);
  return mt === undefined ? undefined : mt[event];
}

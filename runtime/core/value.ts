// Lua value kinds: `type()` names and the base class of userdata. Number/string conversions are in
// number-format.ts; metatable lookup is in meta.ts.
import { LUATYPE, MT, STRING_VALUE } from './symbols.js';
import { LuaTable } from './table.js';

/**
 * Base class of userdata (channels, messages, time values, ...). Subclasses set `[MT]` to their metatable,
 * normally one shared LuaTable per class with `__index` holding the methods. Its JS fields are invisible to Lua:
 * compiled code indexes userdata only through the metatable.
 */
export abstract class LuaUserdata {
  [MT]: LuaTable | undefined;
  constructor(mt?: LuaTable) {
    this[MT] = mt;
  }
}
(LuaUserdata.prototype as unknown as Record<symbol, string>)[LUATYPE] = 'userdata';

/**
 * The string a userdata stands for where only strings and numbers are taken (string arguments, table.concat): go-lua's
 * LVCanConvToString also accepts Wippy's error values. Undefined for every other value.
 */
export function userdataString(v: unknown): string | undefined {
  if (!(v instanceof LuaUserdata)) return undefined;
  const f = (v as unknown as { [STRING_VALUE]?: () => string })[STRING_VALUE];
  return f === undefined ? undefined : f.call(v);
}

/** Lua's `type(v)`. */
export function typeName(v: unknown): string {
  switch (typeof v) {
    case 'undefined':
      return 'nil';
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    case 'function':
      return 'function';
    case 'object':
      if (v instanceof LuaTable) return 'table';
      if (v !== null) {
        const t = (v as Record<symbol, unknown>)[LUATYPE];
        if (typeof t === 'string') return t;
      }
      return 'userdata';
    default:
      return 'userdata';
  }
}

export function isFalsy(v: unknown): boolean {
  return v === undefined || v === false;
}

// Actors, scopes and policies as Lua userdata, and meta tables converted to attribute records and back
// (wippyai/runtime runtime/lua/modules/security/{actor,scope,policy,utils}.go). Metatables are shared per type.
import { LuaTable, ownStringKeys, tableFromArray } from '../core/table.js';
import { ARR } from '../core/symbols.js';
import { LuaUserdata } from '../core/value.js';
import type { Actor } from './conditions.js';
import type { Policy } from './policy.js';
import type { Scope } from './scope.js';
import type { AttrRecord, AttrValue } from './values.js';
import { argError, typeError } from '../core/args.js';

/** CheckUserData then a type assertion: "userdata expected, got ..." for other values, "<what> expected" for others' userdata. */
export function checkUserdata<T>(v: unknown, n: number, fname: string, cls: abstract new (...a: never[]) => T, what: string): T {
  if (v instanceof cls) return v;
  if (!(v instanceof LuaUserdata)) throw typeError(n, fname, 'userdata', v);
  throw argError(n, fname, `${what} expected`);
}

/** One metatable per userdata type, its `__index` the method table (both read-only once `seal`ed). */
export function typeMetatable(methods: LuaTable): LuaTable {
  const mt = new LuaTable();
  mt.__index = methods;
  return mt;
}

export class ActorValue extends LuaUserdata {
  constructor(
    mt: LuaTable,
    readonly actor: Actor,
  ) {
    super(mt);
  }
}

export class ScopeValue extends LuaUserdata {
  constructor(
    mt: LuaTable,
    readonly scope: Scope,
  ) {
    super(mt);
  }
}

export class PolicyValue extends LuaUserdata {
  constructor(
    mt: LuaTable,
    readonly policy: Policy,
  ) {
    super(mt);
  }
}

/** A Lua value as an attribute (value.ToGoAny): sequences become lists, other tables records of their string keys. */
export function attrFromLua(v: unknown, depth = 0): AttrValue {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof LuaTable) {
    if (depth > 32) return undefined; // a cycle: cut, as a deep copy would have to
    const keys = ownStringKeys(v);
    const arr = v[ARR];
    if (keys.length === 0 && arr.length > 0) return arr.map((x) => attrFromLua(x, depth + 1));
    return metaFromLua(v, depth);
  }
  return undefined;
}

/** luaTableToMetadata: the string keys of a table. */
export function metaFromLua(t: LuaTable, depth = 0): AttrRecord {
  const out: AttrRecord = {};
  for (const k of ownStringKeys(t)) {
    const x = attrFromLua(t[k], depth + 1);
    if (x !== undefined) out[k] = x;
  }
  return out;
}

/** An attribute back as a Lua value (payload GoToLua). */
export function attrToLua(v: AttrValue): unknown {
  if (Array.isArray(v)) return tableFromArray(v.map(attrToLua));
  if (v !== null && typeof v === 'object') {
    const t = new LuaTable();
    for (const k of Object.keys(v)) {
      const x = attrToLua(v[k]);
      if (x !== undefined) t[k] = x;
    }
    return t;
  }
  return v;
}

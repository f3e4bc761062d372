// Qualified type names (`inner.Inner`, `pkg.sub.Name`): the type value stored in a field of the library table a
// local or global holds, as Wippy's tests use them (wippyai/runtime tests/app/src/test/types/lib_outer_types.lua:
// `local inner = require("inner")`, `type Outer = {inner: inner.Inner, ...}`, the library returning
// `{Inner = Inner}`). go-lua reads `mod.Name` as a reference into module `mod` (its typeexpr tests: `http.Request`)
// and resolves it when it compiles, from the types the imported library declares; moonforge has no checker and
// follows the path at run time, each time the name is needed: the same type as long as the local keeps the library
// it was given (go-lua's binding would not see a later assignment to the local).
import { MT } from '../core/symbols.js';
import { LuaTable, rawget } from '../core/table.js';
import { TypeValue } from './type-value.js';

/**
 * Reads the chunk-level local `name` as a type alias sees it (compiled by emit/alias-scopes.ts), or `global(name)`
 * when no local of that name is in scope there. Throws a ReferenceError while the local is not declared yet.
 */
export type LocalReader = (name: string, global: (name: string) => unknown) => unknown;

/** The `__index` chain is followed as far as Lua's `index` would (tables only: looking up a type runs no Lua code). */
const MAX_INDEX_CHAIN = 100;

function field(v: unknown, key: string): unknown {
  let t = v;
  for (let i = 0; i < MAX_INDEX_CHAIN && t instanceof LuaTable; i++) {
    const x = rawget(t, key);
    if (x !== undefined) return x;
    t = t[MT]?.__index;
  }
  return undefined;
}

/** A resolver of qualified names: the type value at the end of the path, or undefined. */
export function qualifiedResolver(reader: LocalReader, global: (name: string) => unknown): (name: string) => TypeValue | undefined {
  // the names are the few a chunk's aliases spell: each split once, not on every validation
  const paths = new Map<string, string[]>();
  return (name) => {
    let parts = paths.get(name);
    if (parts === undefined) paths.set(name, (parts = name.split('.')));
    let v: unknown;
    try {
      v = reader(parts[0]!, global);
    } catch (e) {
      // the local exists in the source but its declaration has not run yet: it is nil for now
      if (e instanceof ReferenceError) return undefined;
      throw e;
    }
    for (let i = 1; i < parts.length && v !== undefined; i++) v = field(v, parts[i]!);
    return v instanceof TypeValue ? v : undefined;
  };
}

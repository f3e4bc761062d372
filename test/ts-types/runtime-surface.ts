// What a process can reach at run time, as dotted names: every function and constant of every module an entry may
// list under `modules:` (by the name it is listed under) and of the process globals moonforge adds to Lua's library
// (process, channel, errors, payload, coroutine.spawn, os, require). Read from a real app runtime, so the list
// follows the runtime, not a copy of it.
import { loadApp } from '../../runtime/app/index.js';
import { createAppRuntime } from '../../sdk/app-runtime.js';
import { LuaTable } from '../../runtime/index.js';
import { MT } from '../../runtime/core/symbols.js';
import { LuaUserdata } from '../../runtime/core/value.js';
import { indexYaml, writeApp } from '../support/app-folder.js';

/** A name reachable from Lua (`process.registry.lookup`, `time.SECOND`) and what it is. */
export interface SurfaceItem {
  name: string;
  kind: 'function' | 'value';
}

/** The globals of a process that are moonforge's own; the rest of `_G` is Lua's library (lua-types declares it). */
export const PROCESS_GLOBALS = ['process', 'channel', 'errors', 'payload', 'os'] as const;

/** The names of every module and process global of a fresh app runtime, keyed by module (or global) name. */
export async function runtimeSurface(): Promise<Map<string, SurfaceItem[]>> {
  const { app } = await loadApp(writeApp({ 'src/_index.yaml': indexYaml('') }));
  const ar = await createAppRuntime(app, { write: () => {}, stdin: { readLine: () => {} } });
  try {
    const out = new Map<string, SurfaceItem[]>();
    for (const [name, mod] of ar.rt.globals.modules) out.set(name, membersOf(mod, name));
    const base = ar.rt.globals.base;
    for (const g of PROCESS_GLOBALS) out.set(g, membersOf(base[g], g));
    // Wippy's addition to Lua's coroutine library
    out.set('coroutine', membersOf(base.coroutine, 'coroutine').filter((i) => i.name === 'coroutine.spawn'));
    return out;
  } finally {
    ar.rt.shutdown();
  }
}

/**
 * The members of a module value: the string keys of a table (nested tables walked), or the methods of a userdata
 * such as the root logger (its metatable's `__index`), named as Lua code reaches them.
 */
function membersOf(v: unknown, path: string): SurfaceItem[] {
  if (v instanceof LuaUserdata) {
    const index = v[MT]?.__index;
    return index instanceof LuaTable ? membersOf(index, path) : [];
  }
  if (!(v instanceof LuaTable)) return [];
  const items: SurfaceItem[] = [];
  for (const key of Object.keys(v).sort()) {
    const value = v[key];
    const name = `${path}.${key}`;
    if (typeof value === 'function') items.push({ name, kind: 'function' });
    else if (value instanceof LuaTable) items.push(...membersOf(value, name));
    else items.push({ name, kind: 'value' });
  }
  return items;
}

// A Lua environment: the globals table with the standard library as Wippy provides it (spec §1.4): base, string,
// table, math, os (time/date/clock/difftime), coroutine. Library tables are read-only, as in Wippy.
import { LuaTable } from './core/table.js';
import { readOnly } from './core/read-only.js';
import { defineGlobal, openBaseLib } from './lib/base.js';
import { openCoroutineLib } from './lib/coroutine.js';
import { optionalLibraries } from './lib/optional.js';

export interface EnvOptions {
  /** print's destination (bytes as latin1 chars) */
  write: (s: string) => void;
}

export function createGlobals(opts: EnvOptions): LuaTable {
  const G = new LuaTable();
  openBaseLib(G, { write: opts.write });
  defineGlobal(G, 'coroutine', readOnly(openCoroutineLib()));
  for (const [name, open] of optionalLibraries()) defineGlobal(G, name, readOnly(open()));
  return G;
}

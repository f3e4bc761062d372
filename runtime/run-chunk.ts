// Running a loaded chunk module in a fresh environment, and turning an uncaught Lua error into the message and Lua
// traceback that a user sees.
import { instantiateChunk, type CompiledChunkModule } from './abi.js';
import { rawset, tableFromArray } from './core/table.js';
import { LuaError, formatTraceback, toLuaError } from './core/errors.js';
import { registerCompiledChunk } from './core/chunks.js';
import { TAIL, bounce } from './core/call.js';
import { tostring } from './core/tostring.js';
import { createGlobals } from './env.js';
import { ownStringMetatable } from './core/meta.js';
import type { LuaTable } from './core/table.js';

export interface RunChunkOptions {
  /** the URL JS stack frames report for the module (its file URL) */
  url: string;
  /** loads the module's source map for tracebacks */
  map: () => object | string | undefined;
  write: (s: string) => void;
  /** `arg[0]` and the chunk's `...` */
  scriptName: string;
  args: string[];
}

export interface RunOutcome {
  ok: boolean;
  /** message and traceback for an uncaught error */
  error?: string;
}

export function runChunk(mod: CompiledChunkModule, opts: RunChunkOptions): RunOutcome {
  registerCompiledChunk({ url: opts.url, chunkName: mod.chunkName, functionNames: mod.functionNames, map: opts.map });
  const G = createGlobals({ write: opts.write });
  ownStringMetatable(G.string as LuaTable);
  // `arg` as lua.c sets it: the script name at 0 and the arguments from 1.
  const argTable = tableFromArray([...opts.args]);
  rawset(argTable, 0, opts.scriptName);
  G.arg = argTable;
  try {
    const main = instantiateChunk(mod);
    const r = main(G, ...opts.args);
    if (r === TAIL) bounce();
    return { ok: true };
  } catch (e) {
    return { ok: false, error: describeUncaught(toLuaError(e)) };
  }
}

/** The text lua.c prints for an uncaught error: the message (or a note for non-string values) and a traceback. */
export function describeUncaught(err: LuaError): string {
  const v = err.value;
  // lua.c (5.1) prints string and number errors, and a note for any other value.
  const msg = typeof v === 'string' || typeof v === 'number' ? tostring(v) : '(error object is not a string)';
  const frames = err.luaFrames();
  return frames.length > 0 ? `${msg}\n${formatTraceback(frames)}` : msg;
}


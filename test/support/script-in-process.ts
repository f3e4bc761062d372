// The one way to run a plain Lua script inside the test process (no CLI, no process runtime): compiled, loaded as an
// ES module, run on fresh standard globals. Its chunk is registered, so messages and tracebacks name its lines.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile } from '../../compiler/index.js';
import { instantiateChunk, type CompiledChunkModule } from '../../runtime/abi.js';
import { TAIL, bounce } from '../../runtime/core/call.js';
import { registerCompiledChunk } from '../../runtime/core/chunks.js';
import { toLuaError } from '../../runtime/core/errors.js';
import { createGlobals } from '../../runtime/env.js';

const dir = mkdtempSync(join(tmpdir(), 'mf-in-process-'));
let n = 0;

export interface ScriptInProcessOptions {
  /** the chunk name in messages; a fresh `scriptN.lua` unless given */
  name?: string;
  /** globals added to the standard ones before the script runs */
  globals?: Record<string, unknown>;
}

/**
 * Runs `source` and returns what it printed. A run-time error is thrown as the LuaError the runtime makes of it at a
 * task's end (toLuaError: a JS TypeError from a write into a frozen table is "attempt to modify a read-only table"); a
 * compile error throws its diagnostics.
 */
export async function runScriptInProcess(source: string, opts: ScriptInProcessOptions = {}): Promise<string> {
  const name = opts.name ?? `script${++n}.lua`;
  const out = compile(source, { file: name, chunkName: name });
  if (!out.ok) throw new Error(out.diagnostics.map((d) => `${name}:${d.line}:${d.column}: ${d.message}`).join('\n'));
  const file = join(dir, `m${++n}.mjs`);
  writeFileSync(file, out.code);
  const url = pathToFileURL(file).href;
  const mod = (await import(url)) as CompiledChunkModule;
  registerCompiledChunk({ url, chunkName: mod.chunkName, functionNames: mod.functionNames, map: () => out.map });
  const printed: string[] = [];
  const G = createGlobals({ write: (s) => printed.push(s) });
  for (const [k, v] of Object.entries(opts.globals ?? {})) G[k] = v;
  try {
    if (instantiateChunk(mod)(G) === TAIL) bounce();
  } catch (e) {
    throw toLuaError(e);
  }
  return printed.join('');
}

// `moonforge run FILE.lua`: compile through the cache (loading the compiler only on a miss), import the module and
// run it like lua.c runs a script.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { cacheKey, lookup, readMap, store } from './cache.js';
import { runChunk, type CompiledChunkModule } from '../runtime/index.js';
import { ByteWriter } from '../runtime/stdout.js';

export interface CompileOutcome {
  ok: boolean;
  jsPath?: string;
  mapPath?: string;
  /** rendered diagnostics */
  errors?: string;
}

/** Compiles a Lua file (bytes read as latin1) through the cache. */
export async function compileFileCached(path: string, chunkName: string, processMode = false): Promise<CompileOutcome> {
  let source: string;
  try {
    source = readFileSync(path, 'latin1');
  } catch (e) {
    return { ok: false, errors: `${path}: error LUA1010: cannot read file (${(e as NodeJS.ErrnoException).code ?? e})` };
  }
  return compileSourceCached(source, chunkName, processMode);
}

/** Compiles Lua source text (bytes as latin1 chars) through the cache; `chunkName` names it in errors. */
export async function compileSourceCached(source: string, chunkName: string, processMode = false): Promise<CompileOutcome> {
  const key = cacheKey([source, chunkName, processMode ? 'process' : 'script']);
  const hit = lookup(key);
  if (hit !== undefined) return { ok: true, ...hit };
  const { compile, renderDiagnostics } = await import('../compiler/index.js');
  const out = compile(source, { file: chunkName, chunkName, processMode, outName: `${key}.mjs` });
  if (!out.ok) return { ok: false, errors: renderDiagnostics(out.diagnostics, source) };
  return { ok: true, ...store(key, out.code, out.map) };
}

export async function runFile(path: string, args: string[]): Promise<number> {
  const compiled = await compileFileCached(path, path);
  if (!compiled.ok) {
    process.stderr.write(`${compiled.errors}\n`);
    return 1;
  }
  const url = pathToFileURL(compiled.jsPath!).href;
  const mod = (await import(url)) as CompiledChunkModule;
  const out = new ByteWriter(1);
  const mapPath = compiled.mapPath!;
  let outcome;
  try {
    outcome = runChunk(mod, { url, map: () => readMap(mapPath), write: out.write, scriptName: path, args });
  } finally {
    out.flush();
  }
  if (!outcome.ok) {
    process.stderr.write(`${Buffer.from(`${outcome.error}\n`, 'latin1').toString('latin1')}`);
    return 1;
  }
  return 0;
}

// Compiling Lua through the compile cache: a hit only names the stored module; a miss loads the compiler (lazily,
// so a cached run never loads luaparse), compiles and stores the result. Plain scripts and process chunks alike.
import { readFileSync, statSync } from 'node:fs';
import { unreadableFile, type Diagnostic } from '../diagnostics/index.js';
import { cacheKey, lookup, store } from './cache.js';
import { toLuaString } from './lua-string.js';

export interface CompileOutcome {
  ok: boolean;
  jsPath?: string;
  mapPath?: string;
  /** why it failed (empty when ok), rendered by the caller in the form it prints */
  diagnostics: Diagnostic[];
  /** the source the diagnostics point into, when it could be read */
  source?: string;
}

/** The largest Lua source read (64 MiB): far past any real program, well below what one JS string can hold. */
export const MAX_SOURCE_BYTES = 64 * 2 ** 20;

/**
 * The bytes of a Lua file (latin1) as lua.c loads them: a first line starting with `#` (a `#!` line) is skipped,
 * its newline kept so that line numbers stay right.
 */
export function readLuaFile(path: string): string {
  // Read only regular files of a sane size: a device (/dev/zero), a FIFO or a socket would be read forever or block,
  // and a file past the limit could not even become one JS string.
  const st = statSync(path);
  if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
  if (st.size > MAX_SOURCE_BYTES) {
    throw Object.assign(new Error('too large'), { code: `too large: ${st.size} bytes, the limit is ${MAX_SOURCE_BYTES / 2 ** 20} MiB` });
  }
  const source = readFileSync(path, 'latin1');
  if (source.charCodeAt(0) !== 35 /* # */) return source;
  const nl = source.indexOf('\n');
  return nl < 0 ? '' : source.slice(nl);
}

/** Compiles a Lua file (bytes read as latin1) through the cache. */
export async function compileFileCached(path: string, chunkName: string, processMode = false): Promise<CompileOutcome> {
  let source: string;
  try {
    source = readLuaFile(path);
  } catch (e) {
    return { ok: false, diagnostics: [unreadableFile(path, e)] };
  }
  return compileSourceCached(source, chunkName, processMode);
}

/** Compiles Lua source text (bytes as latin1 chars) through the cache; `chunkName` names it in errors. */
export async function compileSourceCached(source: string, chunkName: string, processMode = false): Promise<CompileOutcome> {
  const key = cacheKey([source, chunkName, processMode ? 'process' : 'script']);
  const hit = lookup(key);
  if (hit !== undefined) return { ok: true, diagnostics: [], ...hit };
  const { compile } = await import('../compiler/index.js');
  // Lua strings are bytes: the chunk name in runtime messages is the UTF-8 of the name; diagnostics show it as text.
  const out = compile(source, { file: chunkName, chunkName: toLuaString(chunkName), processMode, outName: `${key}.mjs` });
  if (!out.ok) return { ok: false, diagnostics: out.diagnostics, source };
  return { ok: true, diagnostics: [], ...store(key, out.code, out.map) };
}

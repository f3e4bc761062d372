// Compiling Lua through the compile cache: a hit only names the stored module; a miss is compiled and stored by
// compile-pool/ (loaded lazily, so a cached run never loads luaparse), in this thread or, for a big batch, on worker
// threads. Plain scripts and process chunks alike.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { unreadableFile, type Diagnostic } from '../diagnostics/index.js';
import { cacheDir, cacheKey, lookup } from './cache.js';
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
  const st = statSync(path);
  if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  const source = st.isFile() ? readRegular(path, st.size) : readStream(path);
  if (source.charCodeAt(0) !== 35 /* # */) return source;
  const nl = source.indexOf('\n');
  return nl < 0 ? '' : source.slice(nl);
}

function tooLarge(size?: number): Error {
  const limit = `the limit is ${MAX_SOURCE_BYTES / 2 ** 20} MiB`;
  return Object.assign(new Error('too large'), { code: size === undefined ? `too large: ${limit}` : `too large: ${size} bytes, ${limit}` });
}

/** A regular file of a sane size: past the limit it could not even become one JS string. */
function readRegular(path: string, size: number): string {
  if (size > MAX_SOURCE_BYTES) throw tooLarge(size);
  return readFileSync(path, 'latin1');
}

/**
 * Anything else lua.c would read (a pipe such as `<(...)` or /dev/stdin, /dev/null) is read to its end, but never
 * past the limit: an endless device (/dev/zero) is refused as too large instead of being read forever.
 */
function readStream(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(1 << 16);
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_SOURCE_BYTES) throw tooLarge();
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
    }
    return Buffer.concat(chunks, total).toString('latin1');
  } finally {
    closeSync(fd);
  }
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

let misses = 0;

/**
 * How many compiles of this process missed the cache: a run that compiled ran the compiler's code, which the app-run
 * path's code cache is better without (sdk/cli/run-command.ts).
 */
export function cacheMisses(): number {
  return misses;
}

/** Compiles Lua source text (bytes as latin1 chars) through the cache; `chunkName` names it in errors. */
export async function compileSourceCached(source: string, chunkName: string, processMode = false): Promise<CompileOutcome> {
  const key = cacheKey([source, chunkName, processMode ? 'process' : 'script']);
  const hit = lookup(key);
  if (hit !== undefined) return { ok: true, diagnostics: [], ...hit };
  misses++;
  // the compile pool, like the compiler, is loaded only on a miss (a cached run starts no thread and loads neither)
  const { compileMiss } = await import('./compile-pool/index.js');
  // Lua strings are bytes: the chunk name in runtime messages is the UTF-8 of the name; diagnostics show it as text.
  const out = await compileMiss({ source, file: chunkName, chunkName: toLuaString(chunkName), processMode, key, dir: cacheDir() });
  if (!out.ok) return { ok: false, diagnostics: out.diagnostics, source };
  return { ok: true, diagnostics: [], ...out.module };
}

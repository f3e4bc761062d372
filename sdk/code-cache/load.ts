// Loads one CommonJS build of ours (dist/app-run.cjs) through V8's code cache. Node 20 has no code cache for ES
// modules (module.enableCompileCache came in Node 22), and an app run compiles ~700 KB of our JavaScript before its
// main starts: ~30 ms of CPU of every `moonforge run APPDIR`, where the code cache's bytecode loads in a few.
//
// The build is compiled by vm.Script with the cached data of an earlier run and run as a CommonJS wrapper
// (require, module, exports, its import.meta.url, the caller's import()). The cached data is written once, at the end
// of a run (save()), so it holds every function that run compiled, not only the top level; it is written again when
// V8 rejects it (another Node, other V8 flags), and once by a usual run over the data of a run that did extra work
// (compiled Lua: the compiler's bytecode, ~180 KB more to load at every later start). Its file name carries the
// build's path, size and modification time, and V8 itself checks its version, its flags and the source's length: a
// rebuilt dist/ is never served old bytecode. The file is one byte (1: made by a run with extra work) and V8's data.
// MOONFORGE_CACHE=off reads and writes none, as for compiled modules.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { cacheDir, cacheDisabled, hash128 } from '../cache.js';

/** A loaded build: its exports, and save(), which writes its code cache when it is due (call it after the work). */
export interface CodeCached<T> {
  exports: T;
  /** `extra`: this run did work a usual run does not, whose code the cache is better without */
  save(extra: boolean): void;
}

/** The wrapper's parameters; the build refers to the last two by these names (esbuild.config.mjs). */
const PARAMS = 'require, module, exports, __moonforgeUrl, __moonforgeImport';

let probes = 0;

/**
 * Tells whether V8's flags are still those of now: cached data records a hash of the flags and is rejected under
 * others, so data made after a flag changed would be rejected by every later run (and written again by each). A tiny
 * script's cached data, made now, is checked at the end: each check compiles under a name of its own, since V8 would
 * otherwise take the script from its in-memory compilation cache and not look at the data.
 */
function flagProbe(): () => boolean {
  const source = '(function moonforgeFlagProbe() {})';
  const data = new Script(source, { filename: `moonforge-flag-probe-${probes++}` }).createCachedData();
  return () => new Script(source, { filename: `moonforge-flag-probe-${probes++}`, cachedData: data }).cachedDataRejected !== true;
}

/**
 * Loads `file` (a CommonJS build whose import.meta.url is `__moonforgeUrl`) with its code cache. `flags` are the V8
 * flags its code sets when it loads: set before it is compiled, so that its cached data is made and used under the
 * same flags. `importer` is what its importUrl calls (sdk/import-url.code-cached.ts).
 */
export function loadCodeCached<T>(file: string, flags: readonly string[], importer: (url: string) => Promise<unknown>): CodeCached<T> {
  for (const f of flags) setFlagsFromString(f);
  const text = readFileSync(file, 'utf8');
  const cacheFile = cacheDisabled() ? undefined : cacheFileOf(file);
  let cachedData: Buffer | undefined;
  let cachedExtra = false;
  if (cacheFile !== undefined) {
    try {
      const file = readFileSync(cacheFile);
      cachedExtra = file[0] === 1;
      cachedData = file.subarray(1);
    } catch {
      // none yet: this run writes it
    }
  }
  // on the wrapper's first line, so the build's line numbers are the file's
  const script = new Script(`(function (${PARAMS}) {${text}\n})`, { filename: file, cachedData });
  const flagsSame = flagProbe();
  const module = { exports: {} as T };
  (script.runInThisContext() as (...a: unknown[]) => void)(createRequire(file), module, module.exports, pathToFileURL(file).href, importer);
  let saved = false;
  return {
    exports: module.exports,
    save(extra) {
      const due = cachedData === undefined || script.cachedDataRejected === true || (cachedExtra && !extra);
      if (saved || cacheFile === undefined || !due) return;
      saved = true;
      if (!flagsSame()) return;
      writeCache(file, cacheFile, Buffer.concat([Buffer.of(extra ? 1 : 0), script.createCachedData()]));
    },
  };
}

/**
 * Where the code cache of `file` is kept: named by the build (its path, so that two installs sharing a cache folder
 * do not take turns replacing each other's), its size and modification time, and Node's version.
 */
function cacheFileOf(file: string): string | undefined {
  try {
    const st = statSync(file);
    return join(cacheDir(), 'v8', `${buildName(file)}${st.size}-${Math.trunc(st.mtimeMs)}-${process.version}.bin`);
  } catch {
    return undefined;
  }
}

/** The start of the names of the code caches of `file`, whatever its build. */
function buildName(file: string): string {
  return `${basename(file)}-${hash128(file).slice(0, 8)}-`;
}

/** Writes the cache atomically (runs started together all write it) and removes those of older builds of the file. */
function writeCache(file: string, cacheFile: string, data: Buffer): void {
  const dir = dirname(cacheFile);
  const name = basename(cacheFile);
  const build = buildName(file);
  try {
    // the cache folder exists (cacheDir made it); only this one level may be missing
    if (!existsSync(dir)) mkdirSync(dir);
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, cacheFile);
    for (const other of readdirSync(dir)) {
      if (other !== name && other.startsWith(build) && other.endsWith('.bin')) rmSync(join(dir, other), { force: true });
    }
  } catch {
    // a cache that cannot be written costs the next run its speed, never its result
  }
}

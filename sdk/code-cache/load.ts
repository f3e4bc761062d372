// Loads one CommonJS build of ours (dist/app-run.cjs) through V8's code cache. Node 20 has no code cache for ES
// modules (module.enableCompileCache came in Node 22), and an app run compiles ~700 KB of our JavaScript before its
// main starts: ~30 ms of CPU of every `moonforge run APPDIR`, where the code cache's bytecode loads in a few.
//
// The build is compiled by vm.Script with the cached data of an earlier run and run as a CommonJS wrapper
// (require, module, exports, its import.meta.url, the caller's import()). The cached data is written once, at the end
// of a run (save()), so it holds every function that run compiled, not only the top level. It is written again when
// V8 rejects it (another Node, other V8 flags); when it was made by a run that did extra work (compiled Lua: the
// compiler's bytecode, ~130 KB more to load at every later start), which a run does not load, so that the next run
// that does no such work makes one without it (data made after loading it would hold it too); and when a run used
// parts of the build it does not cover yet (`covers`: the platform modules an app lists, whose functions a cache made
// before the app listed them lacks; the new data holds what the old one gave the run as well, so the parts covered
// only grow). A run with extra work over a cache without it writes nothing. Each variant (the app a run runs) has a
// cache of its own, so an app loads the bytecode of what it uses, not of every app's. The file name carries the
// build's path, size and modification time, Node's version and the variant, and V8 itself checks its version, its
// flags and the source's length: a rebuilt dist/ is never served old bytecode; writing a build's cache removes those
// of other builds of the file. The file is a header (extra work or not, the parts covered) and V8's data.
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
  /**
   * `extra`: this run did work a usual run does not, whose code the cache is better without; `covers`: the parts of the
   * build this run used that a run may or may not use (names of the caller's choosing, no commas)
   */
  save(extra: boolean, covers: readonly string[]): void;
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
 * same flags. `importer` is what its importUrl calls (sdk/import-url.code-cached.ts). `variant` names a cache of its
 * own for this use of the build (the app a run runs: each app's runs compile the functions of the parts it uses).
 */
export function loadCodeCached<T>(file: string, flags: readonly string[], importer: (url: string) => Promise<unknown>, variant = ''): CodeCached<T> {
  for (const f of flags) setFlagsFromString(f);
  const text = readFileSync(file, 'utf8');
  const cacheFile = cacheDisabled() ? undefined : cacheFileOf(file, variant);
  let cachedData: Buffer | undefined;
  let covered: ReadonlySet<string> = new Set();
  if (cacheFile !== undefined) {
    try {
      const read = readHeader(readFileSync(cacheFile));
      // a cache made with extra work is not loaded: the data this run makes must not hold that work's code
      if (read !== undefined && !read.header.extra) ({ data: cachedData, header: { covers: covered } } = read);
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
    save(extra, covers) {
      const used = cachedData !== undefined && script.cachedDataRejected !== true;
      const due = !used || (!extra && covers.some((c) => !covered.has(c)));
      if (saved || cacheFile === undefined || !due) return;
      saved = true;
      if (!flagsSame()) return;
      const header = { extra, covers: new Set([...(used ? covered : []), ...covers]) };
      writeCache(file, cacheFile, Buffer.concat([headerBytes(header), script.createCachedData()]));
    },
  };
}

/** What a cache file says of the run that made it. */
interface CacheHeader {
  /** made by a run that did extra work */
  extra: boolean;
  /** the parts of the build its data covers */
  covers: ReadonlySet<string>;
}

/** The header: one byte (1: extra work), two bytes of length (big-endian), the parts' names joined by commas. */
function headerBytes(h: CacheHeader): Buffer {
  const covers = Buffer.from([...h.covers].sort().join(','), 'latin1');
  const head = Buffer.alloc(3);
  head[0] = h.extra ? 1 : 0;
  head.writeUInt16BE(covers.length, 1);
  return Buffer.concat([head, covers]);
}

/** A cache file's header and V8's data; undefined for a file too short to hold them (it is then written again). */
function readHeader(file: Buffer): { header: CacheHeader; data: Buffer } | undefined {
  if (file.length < 3) return undefined;
  const end = 3 + file.readUInt16BE(1);
  if (file.length < end) return undefined;
  const names = file.toString('latin1', 3, end);
  return { header: { extra: file[0] === 1, covers: new Set(names === '' ? [] : names.split(',')) }, data: file.subarray(end) };
}

/**
 * Where the code cache of `file` is kept: named by the build (its path, so that two installs sharing a cache folder
 * do not take turns replacing each other's), its size and modification time, and Node's version.
 */
function cacheFileOf(file: string, variant: string): string | undefined {
  try {
    const st = statSync(file);
    return join(cacheDir(), 'v8', `${buildName(file)}${st.size}-${Math.trunc(st.mtimeMs)}-${process.version}-${hash128(variant).slice(0, 8)}.bin`);
  } catch {
    return undefined;
  }
}

/** The start of the names of the code caches of `file`, whatever its build. */
function buildName(file: string): string {
  return `${basename(file)}-${hash128(file).slice(0, 8)}-`;
}

/**
 * The most caches kept of one build, one per variant: each is ~0.7-0.9 MB, and every app folder run (temporary ones
 * too) makes one. Past it, the least recently written go.
 */
const MAX_VARIANTS = 16;

/**
 * Writes the cache atomically (runs started together all write it), removes those of other builds of the file and
 * keeps at most MAX_VARIANTS of this build.
 */
function writeCache(file: string, cacheFile: string, data: Buffer): void {
  const dir = dirname(cacheFile);
  const name = basename(cacheFile);
  const build = buildName(file);
  // this build's caches, whatever their variant (the last part of the name)
  const thisBuild = name.slice(0, name.lastIndexOf('-') + 1);
  try {
    // the cache folder exists (cacheDir made it); only this one level may be missing
    if (!existsSync(dir)) mkdirSync(dir);
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, cacheFile);
    const kept: Array<{ path: string; mtime: number }> = [];
    for (const other of readdirSync(dir)) {
      if (!other.startsWith(build) || !other.endsWith('.bin')) continue;
      const path = join(dir, other);
      if (!other.startsWith(thisBuild)) rmSync(path, { force: true });
      else if (other !== name) kept.push({ path, mtime: statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0 });
    }
    kept.sort((a, b) => b.mtime - a.mtime);
    for (const old of kept.slice(MAX_VARIANTS - 1)) rmSync(old.path, { force: true });
  } catch {
    // a cache that cannot be written costs the next run its speed, never its result
  }
}

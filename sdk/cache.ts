// The compile cache: compiled modules are stored by a hash of everything that decides their text (source, chunk name,
// options, the compiler build), so `moonforge run` compiles a file once and later runs only import it.
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __BUILD_ID__: string;

/** The parts of the tree whose sources decide what a compiled module is and what runs it (as esbuild.config.mjs). */
const BUILD_DIRS = ['abi', 'diagnostics', 'compiler', 'runtime', 'sdk'];

/**
 * Running from the sources (the tests, under vitest): the build id is a hash of those sources, as the bundle's is,
 * so a cached module compiled by an older compiler (or for an older ABI) is never taken for a current one. A fixed
 * 'dev' id let every test run reuse modules compiled before a compiler change.
 */
function sourceTreeId(): string {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const parts: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) parts.push(p, readFileSync(p, 'latin1'));
    }
  };
  for (const d of BUILD_DIRS) if (existsSync(join(root, d))) walk(join(root, d));
  return `dev-${hash128(parts.map((p) => `${p.length}:${p}`).join(''))}`;
}

let buildId: string | undefined;

/** Identifies the compiler and runtime build: part of every cache key. */
export function buildIdentity(): string {
  buildId ??= typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : sourceTreeId();
  return buildId;
}

export function cacheDisabled(): boolean {
  const v = process.env.MOONFORGE_CACHE;
  return v === 'off' || v === '0' || v === 'false';
}

let dir: string | undefined;

/**
 * mkdir -p, one level at a time. Node's `mkdirSync(p, { recursive: true })` never returns when a parent exists but
 * refuses with ENOENT (MOONFORGE_CACHE_DIR=/proc/x spun forever); here any refusal throws. A folder made meanwhile
 * by another moonforge is fine.
 */
function makeDirs(path: string): void {
  const missing: string[] = [];
  for (let d = path; !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (let i = missing.length - 1; i >= 0; i--) {
    try {
      mkdirSync(missing[i]!);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

export function cacheDir(): string {
  if (dir !== undefined) return dir;
  if (cacheDisabled()) {
    // Modules are still written (Node imports files), to a private directory removed when the process ends.
    const own = mkdtempSync(join(tmpdir(), 'moonforge-'));
    process.once('exit', () => rmSync(own, { recursive: true, force: true }));
    dir = own;
    return dir;
  }
  const base = process.env.MOONFORGE_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'moonforge');
  try {
    makeDirs(base);
    dir = base;
  } catch {
    dir = mkdtempSync(join(tmpdir(), 'moonforge-'));
  }
  return dir;
}

/**
 * The cache key of a module: a 128-bit hash of the build id and `parts`. Not node:crypto: loading it costs ~4 ms
 * (it pulls in the streams stack), more than a whole cached run otherwise spends here; a key only has to tell
 * different inputs apart, not resist an attacker who can already write the cache directory.
 */
export function cacheKey(parts: string[]): string {
  // Each part prefixed with its length: no two different lists of parts make the same text.
  return hash128([buildIdentity(), ...parts].map((p) => `${p.length}:${p}`).join(''));
}

/**
 * MurmurHash3 x86_128's block mixing and finalisation over 32-bit words made of two UTF-16 code units each (so
 * any string, not only bytes, hashes without loss), the length in code units folded into the finalisation.
 */
export function hash128(s: string): string {
  const C1 = 0x239b961b;
  const C2 = 0xab0e9789;
  const C3 = 0x38b34ae5;
  const C4 = 0xa1e38b93;
  let h1 = 0x9747b28c;
  let h2 = 0x9747b28c;
  let h3 = 0x9747b28c;
  let h4 = 0x9747b28c;
  const n = s.length;
  const word = (i: number): number => (i < n ? s.charCodeAt(i) : 0) | ((i + 1 < n ? s.charCodeAt(i + 1) : 0) << 16);
  // 8 code units (4 words) per round; the last round is zero-padded (the length is mixed in below).
  for (let i = 0; i < n; i += 8) {
    let k1 = word(i);
    let k2 = word(i + 2);
    let k3 = word(i + 4);
    let k4 = word(i + 6);
    k1 = Math.imul(rotl(Math.imul(k1, C1), 15), C2);
    h1 ^= k1;
    h1 = (Math.imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
    k2 = Math.imul(rotl(Math.imul(k2, C2), 16), C3);
    h2 ^= k2;
    h2 = (Math.imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
    k3 = Math.imul(rotl(Math.imul(k3, C3), 17), C4);
    h3 ^= k3;
    h3 = (Math.imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
    k4 = Math.imul(rotl(Math.imul(k4, C4), 18), C1);
    h4 ^= k4;
    h4 = (Math.imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
  }
  h1 ^= n;
  h2 ^= n;
  h3 ^= n;
  h4 ^= n;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h3 = fmix(h3);
  h4 = fmix(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  return hex8(h1) + hex8(h2) + hex8(h3) + hex8(h4);
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

function hex8(x: number): string {
  return (x >>> 0).toString(16).padStart(8, '0');
}

export interface CachedModule {
  jsPath: string;
  mapPath: string;
}

export function lookup(key: string): CachedModule | undefined {
  const jsPath = join(cacheDir(), `${key}.mjs`);
  if (!existsSync(jsPath)) return undefined;
  return { jsPath, mapPath: `${jsPath}.map` };
}

/** Stores a compiled module atomically (concurrent runs may compile the same file). */
export function store(key: string, code: string, map: object | undefined): CachedModule {
  return storeIn(cacheDir(), key, code, map);
}

/**
 * store() into the cache folder `dir`, for a compile worker (sdk/compile-pool/), which is given the folder its
 * process chose; `tag` makes the temporary files' names its own (threads share the pid).
 */
export function storeIn(dir: string, key: string, code: string, map: object | undefined, tag = String(process.pid)): CachedModule {
  const jsPath = join(dir, `${key}.mjs`);
  const mapPath = `${jsPath}.map`;
  const tmp = `${jsPath}.${tag}.tmp`;
  if (map !== undefined) {
    writeFileSync(`${mapPath}.${tag}.tmp`, JSON.stringify(map));
    renameSync(`${mapPath}.${tag}.tmp`, mapPath);
  }
  writeFileSync(tmp, `${code}\n//# sourceMappingURL=${key}.mjs.map\n`);
  renameSync(tmp, jsPath);
  return { jsPath, mapPath };
}

export function readMap(mapPath: string): string | undefined {
  try {
    return readFileSync(mapPath, 'utf8');
  } catch {
    return undefined;
  }
}

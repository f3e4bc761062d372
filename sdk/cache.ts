// The compile cache: compiled modules are stored by a hash of everything that decides their text (source, chunk name,
// options, the compiler build), so `moonforge run` compiles a file once and later runs only import it.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

declare const __BUILD_ID__: string;

/** Identifies the compiler and runtime build: part of every cache key. */
export const BUILD_ID: string = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : 'dev';

export function cacheDisabled(): boolean {
  const v = process.env.MOONFORGE_CACHE;
  return v === 'off' || v === '0' || v === 'false';
}

let dir: string | undefined;

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
    mkdirSync(base, { recursive: true });
    dir = base;
  } catch {
    dir = mkdtempSync(join(tmpdir(), 'moonforge-'));
  }
  return dir;
}

export function cacheKey(parts: string[]): string {
  const h = createHash('sha256');
  h.update(BUILD_ID);
  for (const p of parts) {
    h.update('\0');
    h.update(p, 'latin1');
  }
  return h.digest('hex').slice(0, 32);
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
  const jsPath = join(cacheDir(), `${key}.mjs`);
  const mapPath = `${jsPath}.map`;
  const tmp = `${jsPath}.${process.pid}.tmp`;
  if (map !== undefined) {
    writeFileSync(`${mapPath}.${process.pid}.tmp`, JSON.stringify(map));
    renameSync(`${mapPath}.${process.pid}.tmp`, mapPath);
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

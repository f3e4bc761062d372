// V8's code cache of the app-run path (sdk/code-cache/load.ts): loadCodeCached on builds of its own (written once,
// used after, replaced once when made by a run that did extra work, never served to another text of the file, none
// with MOONFORGE_CACHE=off), and `moonforge run APPDIR` through dist/app-run.cjs (the cache of the compiling first run
// replaced by the second's, then used unchanged; the same output each time; no npm package loaded by a run whose
// chunks are compiled). The CLI tests need a built dist/.
import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCodeCached } from '../../sdk/code-cache/load.js';
import { writeApp, indexYaml } from '../support/app-folder.js';
import { runMoonforgeCli } from '../support/moonforge-cli.js';

const noImport = (url: string): Promise<unknown> => Promise.reject(new Error(`unexpected import of ${url}`));

/** The code caches in the cache folder `dir`, by name. */
function caches(dir: string): string[] {
  try {
    return readdirSync(join(dir, 'v8')).filter((f) => f.endsWith('.bin'));
  } catch {
    return [];
  }
}

describe('loadCodeCached', () => {
  // cacheDir() is chosen once per process (sdk/cache.ts): one folder for the file's tests, each build at a path of its own
  const cacheDir = mkdtempSync(join(tmpdir(), 'mf-code-cache-'));
  let saved: Record<string, string | undefined>;
  beforeEach(() => {
    saved = { MOONFORGE_CACHE_DIR: process.env.MOONFORGE_CACHE_DIR, MOONFORGE_CACHE: process.env.MOONFORGE_CACHE };
    process.env.MOONFORGE_CACHE_DIR = cacheDir;
    delete process.env.MOONFORGE_CACHE;
  });
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  const build = (text: string): string => {
    const file = join(mkdtempSync(join(tmpdir(), 'mf-build-')), 'build.cjs');
    writeFileSync(file, text);
    return file;
  };

  it('runs the build as CommonJS with its URL and the given import, and writes its cache once', () => {
    const file = build("'use strict'; exports.url = __moonforgeUrl; exports.importer = __moonforgeImport; exports.twice = (x) => x * 2;\n");
    const first = loadCodeCached<{ url: string; importer: unknown; twice: (x: number) => number }>(file, [], noImport);
    expect(first.exports.url).toBe(`file://${file}`);
    expect(first.exports.importer).toBe(noImport);
    expect(first.exports.twice(21)).toBe(42);
    const before = new Set(caches(cacheDir));
    first.save(false, []);
    const written = caches(cacheDir).filter((f) => !before.has(f));
    expect(written).toHaveLength(1);
    const path = join(cacheDir, 'v8', written[0]!);
    const mtime = statSync(path).mtimeMs;
    // the second load takes the cache and does not write it again
    const second = loadCodeCached<{ twice: (x: number) => number }>(file, [], noImport);
    expect(second.exports.twice(4)).toBe(8);
    second.save(false, []);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });

  it('replaces the cache of a run that did extra work (compiled) once, by that of a usual run', () => {
    const file = build('exports.n = 1;\n');
    const before = new Set(caches(cacheDir));
    loadCodeCached(file, [], noImport).save(true, []);
    const [name] = caches(cacheDir).filter((f) => !before.has(f));
    const path = join(cacheDir, 'v8', name!);
    expect(readFileSync(path)[0]).toBe(1);
    // a cache made with extra work is not loaded: another such run writes it again, a usual one replaces it, and later
    // runs keep that one
    loadCodeCached(file, [], noImport).save(true, []);
    expect(readFileSync(path)[0]).toBe(1);
    loadCodeCached(file, [], noImport).save(false, []);
    expect(readFileSync(path)[0]).toBe(0);
    const mtime = statSync(path).mtimeMs;
    loadCodeCached(file, [], noImport).save(false, []);
    loadCodeCached(file, [], noImport).save(true, []);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });

  it('writes the cache again when a run used parts it does not cover, keeping those it covers', () => {
    const file = build('exports.n = 2;\n');
    const before = new Set(caches(cacheDir));
    loadCodeCached(file, [], noImport).save(false, ['json']);
    const [name] = caches(cacheDir).filter((f) => !before.has(f));
    const path = join(cacheDir, 'v8', name!);
    const covers = (): string => readFileSync(path).toString('latin1', 3, 3 + readFileSync(path).readUInt16BE(1));
    expect(covers()).toBe('json');
    const mtime = statSync(path).mtimeMs;
    loadCodeCached(file, [], noImport).save(false, ['json']);
    loadCodeCached(file, [], noImport).save(false, []);
    expect(statSync(path).mtimeMs).toBe(mtime);
    loadCodeCached(file, [], noImport).save(false, ['logger']);
    expect(covers()).toBe('json,logger');
  });

  it('never serves one text of the file the bytecode of another: a rebuilt file gets its own cache, the old one goes', () => {
    const file = build("exports.value = 'aaaa';\n");
    const before = new Set(caches(cacheDir));
    const a = loadCodeCached<{ value: string }>(file, [], noImport);
    expect(a.exports.value).toBe('aaaa');
    a.save(false, []);
    const old = caches(cacheDir).filter((f) => !before.has(f));
    expect(old).toHaveLength(1);
    // the same length (V8 itself checks only that), another text and modification time
    writeFileSync(file, "exports.value = 'bbbb';\n");
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const b = loadCodeCached<{ value: string }>(file, [], noImport);
    expect(b.exports.value).toBe('bbbb');
    b.save(false, []);
    const now = caches(cacheDir).filter((f) => !before.has(f));
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(old[0]);
  });

  it('keeps a cache per variant, and the first cache of a rebuilt file removes every variant of the old build', () => {
    const file = build("exports.v = 'x';\n");
    const before = new Set(caches(cacheDir));
    const mine = (): string[] => caches(cacheDir).filter((f) => !before.has(f));
    loadCodeCached(file, [], noImport, '/apps/a').save(false, []);
    loadCodeCached(file, [], noImport, '/apps/b').save(false, []);
    expect(mine()).toHaveLength(2);
    writeFileSync(file, "exports.v = 'y';\n");
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const b = loadCodeCached<{ v: string }>(file, [], noImport, '/apps/b');
    expect(b.exports.v).toBe('y');
    b.save(false, []);
    expect(mine()).toHaveLength(1);
  });

  it('keeps at most 16 variants of a build, the most recently written', () => {
    const file = build('exports.w = 1;\n');
    const before = new Set(caches(cacheDir));
    const mine = (): string[] => caches(cacheDir).filter((f) => !before.has(f));
    for (let i = 0; i < 18; i++) loadCodeCached(file, [], noImport, `/apps/${i}`).save(false, []);
    expect(mine()).toHaveLength(16);
    // the last one written is among them: its run takes it and writes nothing
    const names = new Set(mine());
    loadCodeCached(file, [], noImport, '/apps/17').save(false, []);
    expect(new Set(mine())).toEqual(names);
    // the first one written is not: its run writes it again, and the oldest left goes
    loadCodeCached(file, [], noImport, '/apps/0').save(false, []);
    expect(mine()).toHaveLength(16);
    expect(new Set(mine())).not.toEqual(names);
  });

  it('reads and writes nothing with MOONFORGE_CACHE=off', () => {
    process.env.MOONFORGE_CACHE = 'off';
    const file = build('exports.ok = true;\n');
    const before = caches(cacheDir);
    const l = loadCodeCached<{ ok: boolean }>(file, [], noImport);
    l.save(false, []);
    expect(l.exports.ok).toBe(true);
    expect(caches(cacheDir)).toEqual(before);
  });
});

describe('moonforge run APPDIR through dist/app-run.cjs', () => {
  const app = writeApp({
    'src/_index.yaml': indexYaml('  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: main\n'),
    'src/main.lua': 'local function main()\n  print("hi from main")\nend\nreturn { main = main }\n',
  });
  // records every require of something other than a Node built-in (an npm package, a file) made in the run
  const preload = join(mkdtempSync(join(tmpdir(), 'mf-preload-')), 'requires.cjs');
  writeFileSync(
    preload,
    `const Module = require('node:module');
const load = Module._load;
const seen = [];
Module._load = function (request, ...rest) {
  if (!Module.isBuiltin(request)) seen.push(request);
  return load.call(this, request, ...rest);
};
process.on('exit', () => process.stderr.write('required: ' + JSON.stringify(seen) + '\\n'));
`,
  );

  it('writes the cache at the first run, once more at the first run that compiles nothing, then uses it unchanged', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'mf-code-cache-cli-'));
    const env = { MOONFORGE_CACHE_DIR: cacheDir };
    const run = () => runMoonforgeCli(['run', app, '-x', 'app:main'], { env, nodeArgs: ['--require', preload] });
    // the first run compiles main.lua: its cache holds the compiler's code too, and says so
    const first = await run();
    expect(first).toMatchObject({ status: 0, stdout: 'hi from main\n' });
    const written = caches(cacheDir);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^app-run\.cjs-/);
    const path = join(cacheDir, 'v8', written[0]!);
    expect(readFileSync(path)[0]).toBe(1);
    // its chunk compiled: neither the compiler (luaparse) nor any other package is loaded, and the cache is made again
    const second = await run();
    expect(second).toMatchObject({ status: 0, stdout: 'hi from main\n', stderr: 'required: []\n' });
    expect(readFileSync(path)[0]).toBe(0);
    const mtime = statSync(path).mtimeMs;
    const third = await run();
    expect(third).toMatchObject({ status: 0, stdout: 'hi from main\n', stderr: 'required: []\n' });
    expect(caches(cacheDir)).toEqual(written);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });

  it('a cache made by `list` (no runtime made) is made again by the first run of the app that compiles nothing', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'mf-code-cache-list-'));
    const env = { MOONFORGE_CACHE_DIR: cacheDir };
    const covers = (): string => {
      const [name] = caches(cacheDir);
      const data = readFileSync(join(cacheDir, 'v8', name!));
      return data.toString('latin1', 3, 3 + data.readUInt16BE(1));
    };
    expect((await runMoonforgeCli(['run', app, 'list'], { env })).status).toBe(0);
    expect(covers()).toBe('');
    // compiles main.lua: extra work over a cache without it, nothing written
    expect(await runMoonforgeCli(['run', app, '-x', 'app:main'], { env })).toMatchObject({ status: 0, stdout: 'hi from main\n' });
    expect(covers()).toBe('');
    expect(await runMoonforgeCli(['run', app, '-x', 'app:main'], { env })).toMatchObject({ status: 0, stdout: 'hi from main\n' });
    expect(covers()).toBe('runtime');
  });

  it('with MOONFORGE_CACHE=off: the same output, no code cache written', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'mf-code-cache-off-'));
    const r = await runMoonforgeCli(['run', app, '-x', 'app:main'], { env: { MOONFORGE_CACHE_DIR: cacheDir, MOONFORGE_CACHE: 'off' } });
    expect(r).toMatchObject({ status: 0, stdout: 'hi from main\n', stderr: '' });
    expect(caches(cacheDir)).toEqual([]);
  });
});

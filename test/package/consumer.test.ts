// The published package as a user gets it. The repository's sources are copied (without dist/, node_modules linked)
// to a temporary folder and packed there by `npm pack`, so its prepack builds dist/ and the declarations from nothing
// and the repository's own dist/, which other tests read meanwhile, is never rewritten. The tarball is installed into
// an empty folder outside the repository, from the npm cache the repository's `npm ci` filled (--prefer-offline:
// nothing is downloaded when the cache holds every dependency), and there `npx moonforge` runs a Lua script, a
// TypeScript script and an app, and builds the app into a bundle that plain `node` runs from a third folder that
// has no node_modules at all. One pack and one install for the whole file (~25 s of CPU, most of it the declarations
// build and the install).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MOONFORGE_BIN, REPO_ROOT } from '../support/repo.js';

// each command is a whole node start, and the TypeScript one a cold type-check (seconds on a loaded machine)
vi.setConfig({ testTimeout: 60_000 });

const npmVersion = spawnSync('npm', ['--version'], { encoding: 'utf8' });
const npmMissing = npmVersion.error !== undefined || npmVersion.status !== 0;
/** said in the titles of what is skipped, so that a run without npm shows why */
const skipped = npmMissing ? ' (skipped: npm cannot be run here)' : '';

/** What a consumer's `npm install` may run of a dependency's scripts (npm 11 lists them for approval). */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare'];

/**
 * The environment without what `npm test` exports to its child processes (npm_config_local_prefix and the like
 * would point npm at the repository); the cache location is kept, since that is what the install reads from.
 */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) && !/^npm_config_(cache|registry|userconfig|https?_proxy|proxy|noproxy)$/i.test(k)) continue;
    if (k === 'INIT_CWD' || k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

let work = '';
let env: NodeJS.ProcessEnv = {};
let tarball = '';
let packed: string[] = [];
let installLog = '';
let consumer = '';

function run(cmd: string, args: string[], cwd: string, timeout = 120_000): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 });
}

/** Fails with the command's own output when it did not succeed. */
function ok(r: SpawnSyncReturns<string>, what: string): SpawnSyncReturns<string> {
  if (r.error !== undefined || r.status !== 0) {
    throw new Error(`${what} failed (status ${r.status}, ${r.error?.message ?? r.signal ?? ''}):\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

/** `npx moonforge ARGS` in the consumer's folder (--no: never offer to download a package of that name; `--`: ARGS
 * such as --version are moonforge's, not npx's). */
function moonforge(args: string[], cwd = consumer): SpawnSyncReturns<string> {
  return run('npx', ['--no', '--', 'moonforge', ...args], cwd, 60_000);
}

/** The same command through the repository's own build: what the installed package must print too. */
function repoMoonforge(args: string[], cwd: string): SpawnSyncReturns<string> {
  return run(process.execPath, [MOONFORGE_BIN, ...args], cwd, 60_000);
}

beforeAll(() => {
  if (npmMissing) return;
  work = mkdtempSync(join(tmpdir(), 'moonforge-consumer-'));
  env = cleanEnv({ MOONFORGE_CACHE_DIR: join(work, 'compile-cache') });

  const src = join(work, 'src');
  // as a fresh clone has it: no build output, no installed packages (any node_modules), no git data
  const topSkip = new Set(['dist', '.git', '.moonforge-cache']);
  cpSync(REPO_ROOT, src, {
    recursive: true,
    filter: (p) => {
      const parts = relative(REPO_ROOT, p).split(sep);
      return !topSkip.has(parts[0]!) && !parts.includes('node_modules');
    },
  });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(src, 'node_modules'), 'dir');
  // what an earlier build of a working tree leaves behind: prepack must not ship it
  mkdirSync(join(src, 'dist/chunks'), { recursive: true });
  writeFileSync(join(src, 'dist/chunks/chunk-STALE.mjs'), 'export {};\n');

  const packs = join(work, 'packs');
  mkdirSync(packs);
  ok(run('npm', ['pack', '--pack-destination', packs], src, 180_000), 'npm pack');
  const [name] = readdirSync(packs).filter((f) => f.endsWith('.tgz'));
  tarball = join(packs, name!);
  packed = ok(run('tar', ['-tzf', tarball], work), 'tar -tzf')
    .stdout.split('\n')
    .filter((l) => l !== '' && !l.endsWith('/'))
    .map((l) => l.replace(/^package\//, ''));

  consumer = join(work, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), '{ "name": "consumer", "private": true }\n');
  const install = ok(run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], consumer, 180_000), 'npm install of the tarball');
  installLog = install.stdout + install.stderr;
}, 360_000);

afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

describe.skipIf(npmMissing)(`the packed package${skipped}`, () => {
  it('holds the command, the built dist/, the declarations, and nothing of the sources, tests, benchmarks or an earlier build', () => {
    const tops = [...new Set(packed.map((p) => p.split('/')[0]))].sort();
    expect(tops).toEqual(['README.md', 'bin', 'dist', 'package.json', 'types']);
    const needed = ['bin/moonforge.mjs', 'dist/cli.mjs', 'dist/runtime.mjs', 'dist/compiler.mjs', 'dist/moonforge.mjs', 'dist/bundle-runtime.mjs', 'dist/bundle-compiler.mjs', 'types/index.d.ts'];
    for (const f of needed) {
      expect(packed).toContain(f);
    }
    // esbuild's metafiles are read by the repository's tests, never by moonforge itself
    expect(packed).not.toContain('dist/meta.json');
    expect(packed).not.toContain('dist/bundle-meta.json');
    expect(packed).not.toContain('dist/bundle-compiler-meta.json');
    expect(packed).not.toContain('dist/chunks/chunk-STALE.mjs');
    expect(packed.filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'))).toEqual([]);
  });

  it('every file package.json names is in it, and it has no script a consumer install would run', () => {
    const pkg = JSON.parse(readFileSync(join(consumer, 'node_modules/moonforge/package.json'), 'utf8')) as {
      bin: Record<string, string>;
      exports: Record<string, Record<string, string>>;
      scripts?: Record<string, string>;
    };
    const named = [...Object.values(pkg.bin), ...Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)))];
    for (const p of named) expect(packed).toContain(p.replace(/^\.\//, ''));
    expect(Object.keys(pkg.scripts ?? {}).filter((s) => INSTALL_SCRIPTS.includes(s))).toEqual([]);
    // npm 11 lists the install scripts of what it installed (esbuild's postinstall is one): moonforge has none
    expect(installLog).not.toMatch(/moonforge@/);
  });

  it("the scripts npm runs in the package's own folder (npm install or npm pack there) build nothing without the sources", () => {
    const pkgDir = join(consumer, 'node_modules/moonforge');
    const before = readdirSync(join(pkgDir, 'dist'), { recursive: true }).length;
    for (const script of ['dependencies', 'prepack']) ok(run('npm', ['run', script], pkgDir), `npm run ${script} in the installed package`);
    expect(readdirSync(join(pkgDir, 'dist'), { recursive: true }).length).toBe(before);
  });
});

describe.skipIf(npmMissing)(`npx moonforge in an empty folder with the tarball installed${skipped}`, () => {
  it('--version names the package version', () => {
    const r = ok(moonforge(['--version']), 'moonforge --version');
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(r.stdout).toContain(version);
  });

  it('runs a Lua script', () => {
    writeFileSync(join(consumer, 'hello.lua'), 'local t = {}\nfor i = 1, 3 do t[#t + 1] = i * i end\nprint("squares", table.concat(t, " "), ...)\n');
    const r = moonforge(['run', 'hello.lua', 'a', 'b']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('squares\t1 4 9\ta\tb\n');
  });

  // types/package.json says the declarations are not ES modules: under node_modules, in a package of "type": "module",
  // TypeScript took types/modules/logger.d.ts for one and refused its `export =` (TS1203)
  it('runs a TypeScript script (the toolchain and the declarations found in the installed package)', () => {
    writeFileSync(join(consumer, 'hello.ts'), 'const xs = [1, 2, 3].map((x) => x * 2);\nprint(`doubled ${xs.join(",")}`, ...$vararg);\n');
    const r = moonforge(['run', 'hello.ts', 'z']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('doubled 2,4,6\tz\n');
  });

  it('runs an app as the repository build does', () => {
    cpSync(join(REPO_ROOT, 'examples/ping-pong'), join(consumer, 'ping-pong'), { recursive: true });
    const r = moonforge(['run', 'ping-pong', '-x', 'app:main', '3']);
    const want = repoMoonforge(['run', 'examples/ping-pong', '-x', 'app:main', '3'], REPO_ROOT);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(want.stdout);
  });

  it('builds the app into one file that plain node runs in a folder with nothing installed', () => {
    cpSync(join(REPO_ROOT, 'examples/ping-pong'), join(consumer, 'ping-pong-build'), { recursive: true });
    ok(moonforge(['build', 'ping-pong-build', '-o', 'out']), 'moonforge build');
    const deploy = join(work, 'deploy');
    mkdirSync(deploy);
    cpSync(join(consumer, 'out/app.mjs'), join(deploy, 'app.mjs'));
    const r = run(process.execPath, ['app.mjs', '-x', 'app:main', '3'], deploy, 60_000);
    const want = repoMoonforge(['run', 'examples/ping-pong', '-x', 'app:main', '3'], REPO_ROOT);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(want.stdout);
  });
});

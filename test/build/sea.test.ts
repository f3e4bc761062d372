// moonforge build --sea (sdk/build/sea.ts): the single executable of an app, copied ALONE into an empty folder outside
// the repository and run with no `node` on PATH, prints what `node app.mjs` of the same build prints (stdout, stderr,
// exit code), Lua tracebacks and the dependencies a bundle loads at first use (ajv, uuid) included. Linux only (the
// only platform sea.ts builds for); each executable is a copy of the node binary (~100 MB, a few seconds to write).
// ping-pong is built through the command (`moonforge build ... --sea`: needs dist/), the fixture in this process.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../sdk/build/build-app.js';
import { buildSea, seaUnsupported } from '../../sdk/build/sea.js';
import { runMoonforgeCli } from '../support/moonforge-cli.js';

const REPO = resolve(import.meta.dirname, '../..');
const unsupported = seaUnsupported();
const work = mkdtempSync(join(tmpdir(), 'moonforge-sea-test-'));

interface Outcome {
  stdout: string;
  stderr: string;
  code: number | null;
}

function runIn(cwd: string, cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<Outcome> {
  const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString('latin1')));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString('latin1')));
  return new Promise((done) => child.on('close', (code) => done({ stdout, stderr, code })));
}

/** Each app's executable and app.mjs, each alone in a folder of its own. */
const apps = new Map<string, { exeDir: string; mjsDir: string }>();
/** what `moonforge build --sea` wrote on stderr */
let cliReport = '';

function place(name: string, exe: string, mjs: string): void {
  const exeDir = mkdtempSync(join(work, `${name}-exe-`));
  const mjsDir = mkdtempSync(join(work, `${name}-mjs-`));
  copyFileSync(exe, join(exeDir, 'app'));
  copyFileSync(mjs, join(mjsDir, 'app.mjs'));
  apps.set(name, { exeDir, mjsDir });
}

beforeAll(async () => {
  if (unsupported !== undefined) return;
  const ppOut = join(work, 'out', 'ping-pong');
  const cli = await runMoonforgeCli(['build', 'examples/ping-pong', '-o', ppOut, '--sea'], { timeoutMs: 240_000 });
  if (cli.status !== 0) throw new Error(`moonforge build --sea failed (${cli.status}):\n${cli.stderr}`);
  cliReport = cli.stderr;
  place('ping-pong', join(ppOut, 'app'), join(ppOut, 'app.mjs'));

  const out = join(work, 'out', 'bundled');
  const result = await buildApp(join(REPO, 'test/build/fixtures/bundled'), out);
  if (result.written === undefined) throw new Error(`the fixture did not build: ${JSON.stringify(result.report.records)}`);
  place('bundled', await buildSea(result.report.app, out), result.written.app);
  // with the compiler, which the executable's main script must let import what it compiles
  const rcOut = join(work, 'out', 'runtime-code');
  const rc = await buildApp(join(REPO, 'test/build/fixtures/runtime-code'), rcOut, { withLuaCompiler: true });
  if (rc.written === undefined) throw new Error(`the fixture did not build: ${JSON.stringify(rc.report.records)}`);
  place('runtime-code', await buildSea(rc.report.app, rcOut, { withLuaCompiler: true }), rc.written.app);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The executable's outcome (no PATH: nothing else is there to run) and app.mjs's under the node running the tests. */
async function both(name: string, args: string[]): Promise<{ exe: Outcome; mjs: Outcome }> {
  const { exeDir, mjsDir } = apps.get(name)!;
  const env = { ...process.env };
  delete env.NODE_PATH;
  const exe = await runIn(exeDir, join(exeDir, 'app'), args, { ...env, PATH: '' });
  const mjs = await runIn(mjsDir, process.execPath, ['app.mjs', ...args], env);
  return { exe, mjs };
}

describe.skipIf(unsupported !== undefined)(`moonforge build --sea${unsupported === undefined ? '' : ` (skipped: ${unsupported})`}`, () => {
  it('moonforge build --sea writes OUTDIR/app, Node.js with the app in it: ping-pong runs as its app.mjs does', async () => {
    const { exe, mjs } = await both('ping-pong', ['-x', 'app:main', '3']);
    expect(exe).toEqual(mjs);
    expect(exe.code).toBe(0);
    expect(exe.stdout).toContain('round 3: pong 3 from pong');
    expect(statSync(join(apps.get('ping-pong')!.exeDir, 'app')).size).toBeGreaterThan(statSync(process.execPath).size);
    expect(cliReport).toMatch(/^moonforge: built .*app\.mjs \(.+\) and its source map\nmoonforge: built .*\/app \(\d+\.\d MB\), a single executable\n$/);
  });

  it('dependencies loaded at first use (ajv, uuid), the registry and the entry ARGS', async () => {
    const { exe, mjs } = await both('bundled', ['-x', 'app:main', 'q']);
    expect(exe).toEqual(mjs);
    expect(exe.stdout).toContain('valid\ttrue\tfalse\ttrue\n');
  });

  it('a Lua error names its Lua file and line, with a Lua traceback, as in app.mjs', async () => {
    const crash = await both('bundled', ['-x', 'app:crash']);
    expect(crash.exe).toEqual(crash.mjs);
    expect(crash.exe.stderr).toMatch(/^src\/util\.lua:5: quantity must be at least 1\nstack traceback:\n\tsrc\/util\.lua:5: in function 'util\.check'\n\tsrc\/main\.lua:\d+: in function 'crash'\n/);
    const inline = await both('bundled', ['-x', 'app:inline']);
    expect(inline.exe).toEqual(inline.mjs);
    expect(inline.exe.code).toBe(1);
  });

  it('built --with-lua-compiler: Lua the registry makes at run time compiles in the executable as in app.mjs, with no warning from Node', async () => {
    const { exe, mjs } = await both('runtime-code', ['-x', 'app:main']);
    expect(exe).toEqual(mjs);
    expect(exe.code).toBe(0);
    expect(exe.stdout).toContain('error\tnil\tapp:made:3: negative: -1\n');
  });

  it('its usage and hints name the executable', async () => {
    const { exe, mjs } = await both('bundled', ['--help']);
    expect(exe.stdout).toMatch(/^Usage:\n  app \[OPTIONS\] -x NS:NAME/);
    expect(mjs.stdout).toMatch(/^Usage:\n  node app\.mjs \[OPTIONS\] -x NS:NAME/);
    const unknown = await both('bundled', ['nosuch']);
    expect(unknown.exe.stderr).toContain('`app list` lists them');
  });
});

// moonforge build: each example app (and a fixture with what the examples lack) built into app.mjs, which is copied
// ALONE into an empty folder outside the repository and run with plain `node` (no NODE_PATH, that folder as the
// current one): its stdout, stderr and exit code are those of `moonforge run APPDIR` with the same arguments. Also:
// the bundle carries no compiler, luaparse or TypeScript (esbuild's metafiles), Lua errors in it name their Lua line
// without app.mjs.map, and a broken app builds nothing. Built --with-lua-compiler, a bundle compiles the Lua that the
// app's registry changesets make, as `moonforge run` does (it carries the compiler then, still no TypeScript). Needs
// dist/ (node esbuild.config.mjs).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prebuiltLoader, type StartProblem } from '../../sdk/app-runtime.js';
import { buildApp, type BuildResult } from '../../sdk/build/build-app.js';
import type { LuaEntry } from '../../runtime/process/index.js';
import { jsLiteral } from '../../sdk/build/js-literal.js';

const REPO = resolve(import.meta.dirname, '../..');
const FIXTURES = join(REPO, 'test/build/fixtures');
const work = mkdtempSync(join(tmpdir(), 'moonforge-bundle-'));

interface Outcome {
  stdout: string;
  stderr: string;
  code: number | null;
}

/**
 * Runs `node ARGS` in `cwd` with stdin from `stdinFile` (else empty); the environment without NODE_PATH. With
 * `interruptAfter`, SIGINT once stdout holds that text.
 */
function node(args: string[], cwd: string, stdinFile?: string, interruptAfter?: string): Promise<Outcome> {
  const env = { ...process.env };
  delete env.NODE_PATH;
  const stdin = stdinFile === undefined ? 'ignore' : openSync(stdinFile, 'r');
  const child = spawn(process.execPath, args, { cwd, env, stdio: [stdin, 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (b: Buffer) => {
    stdout += b.toString('latin1');
    if (interruptAfter !== undefined && stdout.includes(interruptAfter)) {
      child.kill('SIGINT');
      // once: a second SIGINT would find Node's default handler
      interruptAfter = undefined;
    }
  });
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString('latin1')));
  return new Promise((done) => child.on('close', (code) => done({ stdout, stderr, code })));
}

/** Log lines carry the time they were written. */
const timeless = (s: string): string => s.replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/gm, 'TIME');

const APPS: Record<string, string> = {
  'ping-pong': 'examples/ping-pong',
  'worker-pool': 'examples/worker-pool',
  'kv-server': 'examples/kv-server',
  'order-desk': 'examples/order-desk',
  'ts-ping-pong': 'examples/ts/ping-pong',
  'ts-worker-pool': 'examples/ts/worker-pool',
  'ts-kv-server': 'examples/ts/kv-server',
  bundled: 'test/build/fixtures/bundled',
  service: 'test/build/fixtures/service',
  'runtime-code': 'test/build/fixtures/runtime-code',
  'runtime-code+compiler': 'test/build/fixtures/runtime-code',
};
/** The apps built --with-lua-compiler. */
const WITH_LUA_COMPILER = new Set(['runtime-code+compiler']);

/** Each app's build, and the empty folder outside the repository its app.mjs alone was copied to. */
const built = new Map<string, { result: BuildResult; runDir: string }>();

beforeAll(async () => {
  // one at a time: the .ts apps type-check in this process, and the machine is shared
  for (const [name, dir] of Object.entries(APPS)) {
    const result = await buildApp(join(REPO, dir), join(work, 'out', name), { withLuaCompiler: WITH_LUA_COMPILER.has(name) });
    const runDir = mkdtempSync(join(work, `${name.replace('+', '-')}-`));
    if (result.written !== undefined) copyFileSync(result.written.app, join(runDir, 'app.mjs'));
    built.set(name, { result, runDir });
  }
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The bundle of `app` and `moonforge run` of its folder with the same arguments: what each gave. */
async function both(app: string, args: string[], stdinFile?: string, interruptAfter?: string): Promise<[Outcome, Outcome]> {
  const b = built.get(app)!;
  expect(b.result.written, b.result.report.texts.join('\n')).toBeDefined();
  // moonforge run from inside the app's folder, where files it names relative to the current one are
  const appDir = join(REPO, APPS[app]!);
  return Promise.all([
    node(['app.mjs', ...args], b.runDir, stdinFile, interruptAfter),
    node([join(REPO, 'bin/moonforge.mjs'), 'run', appDir, ...args], appDir, stdinFile, interruptAfter),
  ]);
}

async function expectSame(app: string, args: string[], stdinFile?: string, interruptAfter?: string): Promise<Outcome> {
  const [bundle, run] = await both(app, args, stdinFile, interruptAfter);
  expect({ ...bundle, stderr: timeless(bundle.stderr) }).toEqual({ ...run, stderr: timeless(run.stderr) });
  return bundle;
}

// each case runs two node processes on a shared machine; moonforge run type-checks a .ts app on a cold cache
describe('a bundle runs as moonforge run does', { timeout: 60_000 }, () => {
  it.concurrent.each([
    ['ping-pong', ['-x', 'app:main', '3']],
    ['worker-pool', ['-x', 'app:coordinator', '8', '3']],
    ['kv-server', ['-x', 'app:client']],
    ['ts-ping-pong', ['-x', 'app:main', '3']],
    ['ts-worker-pool', ['-x', 'app:coordinator', '8', '3']],
    ['ts-kv-server', ['-x', 'app:client']],
  ])('%s %j', async (app, args) => {
    const out = await expectSame(app, args);
    expect(out.code).toBe(0);
    expect(out.stdout).not.toBe('');
    // the workers' crashes name the line of their source, Lua or TypeScript
    if (app.endsWith('worker-pool')) expect(out.stdout).toMatch(/crashed \(src\/\w+\.(lua|ts):\d+: /);
  });

  it('order-desk reading its orders on stdin, logging, with exit code 2', async () => {
    const out = await expectSame('order-desk', ['-x', 'app:desk'], join(REPO, 'examples/order-desk/orders.jsonl'));
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/order rejected/);
  });

  it('json schemas, uuids and yaml (dependencies loaded at first use), a library, registry data with NaN, -Inf and -0, an env file carried', async () => {
    const out = await expectSame('bundled', ['-x', 'app:main', 'a', 'b']);
    expect(out.stdout).toBe('valid\ttrue\tfalse\ttrue\nuuid\t36\ttrue\tnil\nyaml\t2\ttrue\tk: v\n\nnumbers\ttrue\t-Inf\t-Inf\ndoubled\t6\t2\ta\tb\nenv\thello from the file\tnil\n');
  });

  it('a Lua error names its Lua file and line, with a Lua traceback, without app.mjs.map', async () => {
    const b = built.get('bundled')!;
    expect(existsSync(join(b.runDir, 'app.mjs.map'))).toBe(false);
    const out = await expectSame('bundled', ['-x', 'app:crash']);
    expect(out.code).toBe(1);
    expect(out.stderr).toBe(
      "src/util.lua:5: quantity must be at least 1\nstack traceback:\n\tsrc/util.lua:5: in function 'util.check'\n\tsrc/main.lua:20: in function 'crash'\n",
    );
    const inline = await expectSame('bundled', ['-x', 'app:inline']);
    expect(inline.stderr).toMatch(/^app:inline:3: attempt to index a nil value \(local 't'\)\nstack traceback:\n\tapp:inline:3: in function 'main'/);
  });

  it('without -x, the services until Ctrl+C: CANCEL, then exit 0', async () => {
    const out = await expectSame('service', [], undefined, 'ready\n');
    expect(out).toEqual({ stdout: 'ready\ncancelled\ttrue\n', stderr: '', code: 0 });
  });

  it('entries made at run time with new Lua text: compiled with --with-lua-compiler as moonforge run compiles them, their errors naming their Lua lines; APP0017 without it', async () => {
    const out = await expectSame('runtime-code+compiler', ['-x', 'app:main']);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(
      // stdout is read as bytes (latin1): é is its two UTF-8 bytes
      `made\t42 ${Buffer.from('é').toString('latin1')}\tnil\n` +
        "error\tnil\tapp:made:3: negative: -1\nworker\tapp:worker:2: attempt to index a nil value (field 'missing')\nchanged\t15\tnil\n" +
        "broken\tnil\tapp:broken:1:9: error LUA2001: unexpected symbol near '<eof>'\nreturn {\n        ^\n",
    );
    const without = await node(['app.mjs', '-x', 'app:main'], built.get('runtime-code')!.runDir);
    expect(without.code).toBe(1);
    expect(without.stdout).toBe('');
    expect(without.stderr).toMatch(/^apply changes: registry:app:made:\d+:\d+: error APP0017: app:made: its code is not in the bundle \(.*--with-lua-compiler.*\)\nstack traceback:\n\tsrc\/main\.lua:\d+: in function 'main'\n$/);
  });

  it('a .ts entry the bundle lacks is an error that says a bundle never compiles TypeScript', async () => {
    const problems: StartProblem[] = [];
    const source = { type: 'file' as const, url: 'file://made.ts', path: join(REPO, 'made.ts') };
    const entry = { id: 'app:made', kind: 'function.lua', source, pos: { file: 'src/_index.yaml', line: 3, column: 5 } } as unknown as LuaEntry;
    const compile = (): never => {
      throw new Error('no Lua text to compile');
    };
    const chunkOf = await prebuiltLoader(new Map(), compile)({ root: REPO, entries: new Map(), get: () => undefined }, problems);
    expect(await chunkOf(entry)).toBeUndefined();
    expect(problems.map((p) => p.diagnostic.message)).toEqual(['app:made: its TypeScript is not in the bundle (a bundle compiles Lua at run time, never TypeScript)']);
  });

  it('list, an unknown entry, an override (-o), a bad option', async () => {
    await expectSame('bundled', ['list']);
    const unknown = await expectSame('bundled', ['-x', 'app:nope']);
    expect(unknown.stderr).toMatch(/no entry 'app:nope'.*process entries: app:crash, app:inline, app:main/);
    const overridden = await expectSame('bundled', ['-o', 'app:main:method=crash', '-x', 'app:main']);
    expect(overridden.stderr).toMatch(/^src\/util\.lua:5: quantity/);
    const [bad] = await both('bundled', ['--log-level', 'loud', '-x', 'app:main']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--log-level must be/);
    // hints and usage name how the bundle is run; options after COMMAND are the entry's
    const [command] = await both('bundled', ['nosuch']);
    expect(command.stderr).toMatch(/no command 'nosuch'.*`node app\.mjs list` lists them/);
    const [help] = await both('bundled', ['--help']);
    expect(help.stdout).toMatch(/^Usage:\n  node app\.mjs \[OPTIONS\] -x NS:NAME \[ARGS\.\.\.\] +run one/);
  });
});

describe('what a bundle carries', () => {
  it('no compiler, luaparse, TypeScript, TSTL, ts-morph, test or benchmark code (esbuild metafiles)', () => {
    const runtimeInputs = Object.keys((JSON.parse(readFileSync(join(REPO, 'dist/bundle-meta.json'), 'utf8')) as { inputs: object }).inputs);
    expect(runtimeInputs).toContain('sdk/bundle/bundle-main.ts');
    expect(runtimeInputs.filter((i) => /^(compiler|test|bench|sdk\/ts)\/|node_modules\/(luaparse|typescript|typescript-to-lua|ts-morph|lua-types|esbuild)\//.test(i))).toEqual([]);
    for (const name of ['ping-pong', 'ts-kv-server', 'runtime-code']) {
      const inputs = Object.keys(built.get(name)!.result.written!.metafile.inputs);
      // the bundle is the prebuilt runtime (its entry, its platform modules' entry, their chunks), the compiled chunks
      // and the generated entry: nothing else
      expect(inputs.filter((i) => !/(^|\/)dist\/(bundle-runtime|bundle-modules|chunks\/bundle-[\w-]+)\.mjs$|(^|:)moonforge-chunk:\d+$|moonforge-bundle-entry\.mjs$/.test(i)), inputs.join(' ')).toEqual([]);
    }
  });

  it("rxjs from its ES module build, tree-shaken to the classes used, never its whole CommonJS build (esbuild metafile)", () => {
    const meta = JSON.parse(readFileSync(join(REPO, 'dist/bundle-meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
    const rxjs = Object.values(meta.outputs).flatMap((o) => Object.entries(o.inputs)).filter(([i]) => i.startsWith('node_modules/rxjs/'));
    expect(rxjs.filter(([i]) => i.startsWith('node_modules/rxjs/dist/cjs/')).map(([i]) => i)).toEqual([]);
    // the CommonJS build came whole, ~335 KB
    expect(rxjs.reduce((n, [, x]) => n + x.bytesInOutput, 0)).toBeLessThan(40_000);
  });

  it("ajv's text only in a bundle whose app lists a module that uses it; the NATS client's in every bundle (--cluster)", () => {
    const text = (name: string): string => readFileSync(built.get(name)!.result.written!.app, 'latin1');
    // ajv's 2020-12 meta-schema id, inside ajv's text; a class of the NATS client, inside its text
    const ajv = 'json-schema.org/draft/2020-12/schema';
    const nats = 'NatsConnectionImpl';
    // ping-pong lists no module: it came with the cluster's code once, the two in one module of the bundle runtime
    expect(text('ping-pong')).not.toContain(ajv);
    expect(text('ping-pong')).toContain(nats);
    expect(text('bundled')).toContain(ajv);
  });

  it('--with-lua-compiler: the Lua compiler and luaparse besides (carried as text), never TypeScript, TSTL or the runtime twice', () => {
    const inputs = Object.keys(built.get('runtime-code+compiler')!.result.written!.metafile.inputs);
    expect(inputs.filter((i) => /(^|\/)dist\/bundle-compiler\.mjs$/.test(i))).toHaveLength(1);
    expect(inputs.filter((i) => !/(^|\/)dist\/(bundle-runtime|bundle-modules|bundle-compiler|chunks\/bundle-[\w-]+)\.mjs$|(^|:)moonforge-chunk:\d+$|moonforge-bundle-entry\.mjs$/.test(i)), inputs.join(' ')).toEqual([]);
    const compilerInputs = Object.keys((JSON.parse(readFileSync(join(REPO, 'dist/bundle-compiler-meta.json'), 'utf8')) as { inputs: object }).inputs);
    expect(compilerInputs).toEqual(expect.arrayContaining(['compiler/index.ts', 'node_modules/luaparse/luaparse.js']));
    expect(compilerInputs.filter((i) => /^(runtime|test|bench|sdk\/ts)\/|node_modules\/(typescript|typescript-to-lua|ts-morph|lua-types|esbuild)\//.test(i))).toEqual([]);
  });

  it('the source map names the Lua sources relative to it', () => {
    const map = JSON.parse(readFileSync(built.get('ping-pong')!.result.written!.map, 'utf8')) as { sources: string[] };
    const lua = map.sources.filter((s) => s.endsWith('.lua'));
    expect(lua.map((s) => resolve(join(work, 'out', 'ping-pong'), s)).sort()).toEqual([join(REPO, 'examples/ping-pong/src/main.lua'), join(REPO, 'examples/ping-pong/src/pong.lua')]);
  });

  it('definitions as JS literals: NaN, infinities, -0, undefined members and a __proto__ key read back exactly', () => {
    const v = { a: NaN, b: -Infinity, c: -0, d: undefined, ['__proto__']: { x: [1, 'é\u2028'] }, n: null };
    Object.defineProperty(v, '__proto__', { value: { x: [1, 'é\u2028'] }, enumerable: true });
    const back = new Function(`return ${jsLiteral(v)}`)() as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(Object.keys(v));
    expect(Object.is(back.c, -0) && Number.isNaN(back.a) && back.b === -Infinity && 'd' in back).toBe(true);
    expect(Object.getOwnPropertyDescriptor(back, '__proto__')!.value).toEqual({ x: [1, 'é\u2028'] });
  });
});

describe('a broken app', { timeout: 30_000 }, () => {
  it('reports every problem as check does and writes nothing', async () => {
    const out = join(work, 'out', 'broken');
    const result = await buildApp(join(FIXTURES, 'broken'), out);
    expect(result.written).toBeUndefined();
    expect(existsSync(join(out, 'app.mjs'))).toBe(false);
    const codes = result.report.records.map((r) => `${r.file}:${r.line}: ${r.code}`);
    expect(codes).toEqual(expect.arrayContaining([expect.stringMatching(/^src\/_index\.yaml:\d+: APP0008$/), expect.stringMatching(/^src\/main\.lua:3: LUA\d+$/)]));
  });

  it('moonforge build: the diagnostics with their source lines, as text or JSON Lines, exit 1', async () => {
    const out = join(work, 'out', 'broken-cli');
    const cli = join(REPO, 'bin/moonforge.mjs');
    const [text, json] = await Promise.all([
      node([cli, 'build', join(FIXTURES, 'broken'), '-o', out], REPO),
      node([cli, 'build', join(FIXTURES, 'broken'), '-o', out, '--format', 'json'], REPO),
    ]);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/^src\/_index\.yaml:14:12: error APP0008: .*\n +lib: app:missing\n +\^\n/m);
    expect(text.stderr).toMatch(/^src\/main\.lua:3:1: error LUA\d+: .*\nend\n\^\^\^\n/m);
    expect(text.stderr).toMatch(/2 errors, 0 warnings in 2 files\n$/);
    expect(json.code).toBe(1);
    expect(json.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { code: string }).code)).toEqual(['APP0008', expect.stringMatching(/^LUA\d+$/)]);
    expect(existsSync(out)).toBe(false);
  });
});

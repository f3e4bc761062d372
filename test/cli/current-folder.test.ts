// Wippy users' habit: run and test from inside the app folder without naming it (`wippy run -x app:hello`, `wippy run`,
// `wippy run COMMAND`), a folder that is no app says where it looked and what it expected, and an unknown -x entry
// lists the process entries there are. Through the built CLI (dist/, so `node esbuild.config.mjs` first).
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { indexYaml, writeApp } from '../support/app-folder.js';
import { runMoonforgeCli } from '../support/moonforge-cli.js';

// each run spawns node and compiles the app
vi.setConfig({ testTimeout: 60_000 });

const env = { MOONFORGE_CACHE: 'off' };
const entry = (name: string, extra = ''): string => `  - name: ${name}\n    kind: process.lua\n    source: file://hello.lua\n    method: main\n${extra}`;

/** An app with a command, a plain entry and a test; no auto_start service. Its path as process.cwd() reports it. */
const app = (extra: Record<string, string> = {}): string =>
  realpathSync(
    writeApp({
      'src/_index.yaml': indexYaml(
        entry('hello', '    meta: { command: { name: greet } }\n') +
          entry('plain') +
          '  - name: check\n    kind: function.lua\n    meta: { type: test }\n    source: file://check.lua\n    method: main\n',
      ),
      'src/hello.lua': 'return { main = function(...) print("hello", ...) return 0 end }\n',
      'src/check.lua': 'return { main = function() return true end }\n',
      ...extra,
    }),
  );

/** A folder with no src/, wippy.lock or .wippy.yaml. */
const notApp = (): string => realpathSync(mkdtempSync(join(tmpdir(), 'mf-not-app-')));

describe('run from inside the app folder', () => {
  it('-x NS:NAME, options first, runs the entry of the current folder', async () => {
    const r = await runMoonforgeCli(['run', '--log-level', 'warn', '-x', 'app:plain', 'a', 'b'], { cwd: app(), env });
    expect(r).toMatchObject({ status: 0, stdout: 'hello\ta\tb\n', stderr: '' });
  });

  it('COMMAND and list name the current app; a script file of the folder still runs as a file', async () => {
    const dir = app({ 'hello': 'print("the file")\n', 'main.lua': 'print("main.lua", ...)\n' });
    expect(await runMoonforgeCli(['run', 'greet', 'x'], { cwd: dir, env })).toMatchObject({ status: 0, stdout: 'hello\tx\n', stderr: '' });
    expect((await runMoonforgeCli(['run', 'list'], { cwd: dir, env })).stdout).toContain('greet');
    expect(await runMoonforgeCli(['run', 'main.lua', 'y'], { cwd: dir, env })).toMatchObject({ status: 0, stdout: 'main.lua\ty\n' });
    // a name that is a file is the file, not a command
    expect(await runMoonforgeCli(['run', 'hello'], { cwd: dir, env })).toMatchObject({ status: 0, stdout: 'the file\n' });
  });

  it('a missing .lua file is reported as a file, not looked up as a command', async () => {
    const r = await runMoonforgeCli(['run', 'gone.lua'], { cwd: app(), env });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('gone.lua');
    expect(r.stderr).not.toContain('no command');
  });

  it('`moonforge run` alone boots the current app (this one has nothing to boot)', async () => {
    const r = await runMoonforgeCli(['run'], { cwd: app(), env });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the app has no process.service or process.lua entry with lifecycle.auto_start');
    expect(r.stderr).toContain('greet');
  });

  it('a .wippy.yaml makes the folder the app; its missing src/ is reported at the absolute folder', async () => {
    const dir = notApp();
    writeFileSync(join(dir, '.wippy.yaml'), 'version: "1.0"\n');
    const r = await runMoonforgeCli(['run', '-x', 'app:main'], { cwd: dir, env });
    expect(r).toMatchObject({ status: 1, stdout: '', stderr: `${dir}:1:1: error APP0011: source directory not found: ./src\n` });
  });
});

describe('a named folder without src/', () => {
  it('is named by its absolute path, for run and test, however it was written', async () => {
    const dir = notApp();
    const missing = `${dir}:1:1: error APP0011: source directory not found: ./src\n`;
    expect(await runMoonforgeCli(['run', '.'], { cwd: dir, env })).toMatchObject({ status: 1, stdout: '', stderr: missing });
    const r = await runMoonforgeCli(['test', '.'], { cwd: dir, env });
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toContain(missing);
  });
});

describe('a current folder that is no app', () => {
  const expected = (command: string, missing: string, dir: string): string =>
    `moonforge ${command}: ${missing}, and the current folder ${dir} is not an app folder (it has no src/ folder, wippy.lock or .wippy.yaml)\n`;

  it('run, run -x, run --watch: which folder was looked in and what it lacks, exit 2', async () => {
    const dir = notApp();
    for (const argv of [['run'], ['run', '-x', 'app:hello'], ['run', '--watch']]) {
      expect(await runMoonforgeCli(argv, { cwd: dir, env })).toMatchObject({
        status: 2, stdout: '', stderr: expected('run', 'missing FILE.lua, FILE.ts or APPDIR', dir),
      });
    }
  });

  it('a name that is no file stays a missing file, as before', async () => {
    const r = await runMoonforgeCli(['run', 'hello'], { cwd: notApp(), env });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^hello: error LUA\d+: cannot read file/);
  });

  it('test without APPDIR: the same message, then the usage, exit 2', async () => {
    const dir = notApp();
    const r = await runMoonforgeCli(['test'], { cwd: dir, env });
    expect(r.status).toBe(2);
    expect(r.stderr.startsWith(expected('test', 'missing APPDIR', dir))).toBe(true);
    expect(r.stderr).toContain('Usage: moonforge test APPDIR');
  });
});

describe('test from inside the app folder', () => {
  it('runs the current app; a first PATTERN that is no folder is a pattern', async () => {
    const dir = app();
    const plain = await runMoonforgeCli(['test'], { cwd: dir, env });
    expect(plain).toMatchObject({ status: 0, stderr: '' });
    expect(plain.stdout).toContain('1 passed');
    // the json report names each test it ran
    const picked = await runMoonforgeCli(['test', 'check', '--reporter', 'json'], { cwd: dir, env });
    expect(picked.status, picked.stderr).toBe(0);
    expect(picked.stdout).toContain('app:check');
    const none = await runMoonforgeCli(['test', '--reporter', 'json', 'nothing-matches'], { cwd: dir, env });
    expect(none.status, none.stderr).toBe(0);
    expect(none.stdout).not.toContain('app:check');
  });
});

describe('an unknown -x entry', () => {
  it('lists the process entries there are, sorted', async () => {
    const r = await runMoonforgeCli(['run', '-x', 'app:helo'], { cwd: app(), env });
    expect(r).toMatchObject({ status: 1, stdout: '' });
    expect(r.stderr).toBe("moonforge: no entry 'app:helo' in the app; process entries: app:hello, app:plain\n");
  });

  it('names a non-process entry as such and lists the process entries', async () => {
    const r = await runMoonforgeCli(['run', '-x', 'app:check'], { cwd: app(), env });
    expect(r.stderr).toBe("moonforge: 'app:check' is a function.lua entry, not a process.lua entry; process entries: app:hello, app:plain\n");
  });

  it('lists at most 20, then how many more', async () => {
    const names = Array.from({ length: 25 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const dir = writeApp({
      'src/_index.yaml': indexYaml(names.reverse().map((n) => entry(n)).join('')),
      'src/hello.lua': 'return { main = function() end }\n',
    });
    const r = await runMoonforgeCli(['run', dir, '-x', 'app:nope'], { env });
    const listed = Array.from({ length: 20 }, (_, i) => `app:p${String(i).padStart(2, '0')}`).join(', ');
    expect(r.stderr).toBe(`moonforge: no entry 'app:nope' in the app; process entries: ${listed}, and 5 more\n`);
  });
});

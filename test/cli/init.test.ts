// `moonforge init DIR [--ts]`: the app it writes runs and passes its own tests as written, in Lua and in TypeScript
// (type-checked with the tsconfig it writes, which finds moonforge's types/ from the app); it never writes into a
// folder that holds anything. Needs the built dist/.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { typesPathFrom } from '../../sdk/init/init-app.js';
import { runMoonforgeCli } from '../support/moonforge-cli.js';
import { REPO_ROOT } from '../support/repo.js';
import { typeCheckApp } from '../support/ts-app-check.js';

// each run spawns node and compiles the app (~1 s, more on a loaded machine)
vi.setConfig({ testTimeout: 60_000 });

const freshDir = (): string => mkdtempSync(join(tmpdir(), 'mf-init-'));

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(dir, join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort();
}

describe('moonforge init', () => {
  it('writes a Lua app by default that runs (-x app:main) and passes its tests', async () => {
    const app = join(freshDir(), 'my-app');
    const init = await runMoonforgeCli(['init', app]);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(filesUnder(app)).toEqual(['.gitignore', 'README.md', 'src/_index.yaml', 'src/greeter.lua', 'src/greeting.lua', 'src/greeting_test.lua', 'src/main.lua']);
    expect(init.stdout).toContain(`Run it:   npx moonforge run ${app} -x app:main\nTest it:  npx moonforge test ${app}\n`);
    const readme = readFileSync(join(app, 'README.md'), 'utf8');
    expect(readme).toContain('npx moonforge run . -x app:main NAME');
    expect(readme).toContain('npx moonforge test .');

    const run = await runMoonforgeCli(['run', app, '-x', 'app:main']);
    expect(run.stderr).toBe('');
    expect([run.status, run.stdout]).toEqual([0, 'hello, world\n']);
    const named = await runMoonforgeCli(['run', app, '-x', 'app:main', 'moon']);
    expect([named.status, named.stdout]).toEqual([0, 'hello, moon\n']);

    const test = await runMoonforgeCli(['test', app, '--reporter', 'json']);
    expect(test.status).toBe(0);
    const report = JSON.parse(test.stdout) as { summary: unknown; suites: Array<{ name: string; tests: Array<{ name: string }> }> };
    expect(report.summary).toMatchObject({ total: 2, passed: 2, failed: 0 });
    expect(report.suites.map((s) => [s.name, s.tests.map((t) => t.name).sort()])).toEqual([['greeting', ['greeter_answers', 'greets_by_name']]]);
  });

  it('--ts writes a TypeScript app that runs and passes its tests; its tsconfig needs nothing else to type-check', async () => {
    const app = join(freshDir(), 'ts-app');
    const init = await runMoonforgeCli(['init', app, '--ts']);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(filesUnder(app)).toEqual([
      '.gitignore', 'README.md', 'src/_index.yaml', 'src/greeter.ts', 'src/greeting.ts', 'src/greeting_test.ts', 'src/main.ts', 'src/topics.d.ts', 'tsconfig.json',
    ]);
    expect(readFileSync(join(app, 'src/_index.yaml'), 'utf8')).toContain('source: file://main.ts');
    expect(readFileSync(join(app, 'src/main.ts'), 'utf8')).toMatch(/^import \* as time from "time";$/m);
    expect(readFileSync(join(app, 'src/main.ts'), 'utf8')).toMatch(/^export function main\(/m);
    const tsconfig = JSON.parse(readFileSync(join(app, 'tsconfig.json'), 'utf8')) as { compilerOptions: { types: string[] } };
    expect(tsconfig.compilerOptions.types).toEqual([typesPathFrom(app, REPO_ROOT)]);
    expect(typeCheckApp(app)).toEqual([]);

    const run = await runMoonforgeCli(['run', app, '-x', 'app:main', 'ts']);
    expect(run.stderr).toBe('');
    expect([run.status, run.stdout]).toEqual([0, 'hello, ts\n']);
    const test = await runMoonforgeCli(['test', app, '--reporter', 'json']);
    expect(test.status).toBe(0);
    expect((JSON.parse(test.stdout) as { summary: unknown }).summary).toMatchObject({ total: 2, passed: 2, failed: 0 });
  });

  it('the typed topics of the TypeScript app are checked, in the editor and by run: a wrong payload stops it', async () => {
    const app = join(freshDir(), 'ts-app');
    expect((await runMoonforgeCli(['init', app, '--ts'])).status).toBe(0);
    const main = join(app, 'src/main.ts');
    const text = readFileSync(main, 'utf8');
    writeFileSync(main, text.replace('{ name: name ?? "world" }', '{ name: 42 }'));
    expect(typeCheckApp(app)).toEqual([expect.stringMatching(/main\.ts:\d+: Type 'number' is not assignable to type 'string'/)]);

    const line = text.split('\n').findIndex((l) => l.includes('process.send(greeter')) + 1;
    const run = await runMoonforgeCli(['run', app, '-x', 'app:main']);
    expect([run.status, run.stdout]).toEqual([1, '']);
    expect(run.stderr).toContain(`src/main.ts:${line}:36: error TS2322: Type 'number' is not assignable to type 'string'.`);
  });

  it('--ts in a project that installed moonforge names node_modules/moonforge/types, as TypeScript finds it', async () => {
    const project = freshDir();
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(REPO_ROOT, join(project, 'node_modules/moonforge'), 'dir');
    const app = join(project, 'apps/my-app');
    expect((await runMoonforgeCli(['init', app, '--ts'])).status).toBe(0);
    const tsconfig = JSON.parse(readFileSync(join(app, 'tsconfig.json'), 'utf8')) as { compilerOptions: { types: string[] } };
    expect(tsconfig.compilerOptions.types).toEqual(['../../node_modules/moonforge/types']);
    expect(typeCheckApp(app)).toEqual([]);
  });

  it('names types/ by a path relative to the app, absolute when they share only the root', () => {
    expect(typesPathFrom('/home/ada/proj/my-app', '/home/ada/proj/node_modules/moonforge')).toBe('../node_modules/moonforge/types');
    expect(typesPathFrom('/home/ada/proj/node_modules/moonforge/my-app', '/home/ada/proj/node_modules/moonforge')).toBe('../types');
    expect(typesPathFrom('/home/ada/proj', '/home/ada/proj')).toBe('./types');
    expect(typesPathFrom('/tmp/my-app', '/usr/lib/node_modules/moonforge')).toBe('/usr/lib/node_modules/moonforge/types');
  });

  it('refuses a folder that holds anything, and a file, writing nothing', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const r = await runMoonforgeCli(['init', dir, '--ts']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`moonforge init: ${dir} is not empty; init writes only into a new or empty folder\n`);
    expect(filesUnder(dir)).toEqual(['notes.txt']);

    const file = join(dir, 'notes.txt');
    const f = await runMoonforgeCli(['init', file]);
    expect([f.status, f.stderr]).toEqual([1, `moonforge init: ${file} exists and is not a folder\n`]);

    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect((await runMoonforgeCli(['init', empty])).status).toBe(0);
  });

  it('has its own --help; bad usage exits 2', async () => {
    const help = await runMoonforgeCli(['init', '--help']);
    expect([help.status, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toMatch(/^Usage: moonforge init DIR \[--ts\]\n/);
    expect((await runMoonforgeCli(['--help'])).stdout).toContain('moonforge init DIR [--ts]');
    for (const [args, message] of [
      [[], 'missing DIR'],
      [['a', 'b'], "unexpected argument 'b'"],
      [['a', '--lua'], "unknown option '--lua'"],
    ] as const) {
      const r = await runMoonforgeCli(['init', ...args], { cwd: freshDir() });
      expect(r.status).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`moonforge init: ${message}`);
    }
  });
});

// `moonforge check APPDIR`: every problem of an app in one run (definition files, modules, imports, Lua and typed-Lua
// syntax, TypeScript types), nothing run; exit 1 on an error; `--format json` writes records and nothing else.
// Through the built CLI (dist/, so `node esbuild.config.mjs` first).
import { realpathSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { indexYaml, writeApp } from '../support/app-folder.js';
import { runMoonforgeCli } from '../support/moonforge-cli.js';

// each run spawns node, compiles the Lua entries and type-checks the .ts one
vi.setConfig({ testTimeout: 90_000 });

const env = { MOONFORGE_CACHE: 'off' };
const processEntry = (name: string, file: string, extra = ''): string =>
  `  - name: ${name}\n    kind: process.lua\n    source: file://${file}\n    method: main\n${extra}`;
const main = 'return { main = function() print("ran") return 0 end }\n';

/** An app with problems of every kind (a bad policy too), in several files; each entry's `main` would print if anything ran. */
const brokenApp = (): string =>
  realpathSync(
    writeApp({
      'src/_index.yaml': indexYaml(
        processEntry('good', 'good.lua', '    modules: [time, nosuch]\n') +
          processEntry('broken', 'broken.lua', '    imports:\n      missing: app.lib:nothere\n') +
          processEntry('typed', 'typed.lua') +
          processEntry('script', 'script.ts') +
          '  - name: web\n    kind: http.service\n' +
          '  - name: badpol\n    kind: security.policy\n    policy: { actions: "*", resources: "*", effect: maybe }\n',
      ),
      'src/lib/_index.yaml':
        'version: "1.0"\nnamespace: app.lib\nentries:\n' +
        '  - name: a\n    kind: library.lua\n    source: file://a.lua\n    imports:\n      b: app.lib:b\n' +
        '  - name: b\n    kind: library.lua\n    source: file://b.lua\n    imports:\n      a: app.lib:a\n',
      'src/good.lua': main,
      'src/broken.lua': 'local function main()\n  local x = = 1\n  return 0\nend\nreturn { main = main }\n',
      'src/typed.lua': 'local function main(): number\n  local x: {a: = 1\n  return x\nend\nreturn { main = main }\n',
      'src/script.ts': 'export function main(): number {\n  const n: number = "x";\n  return n;\n}\n',
      'src/lib/a.lua': 'return {}\n',
      'src/lib/b.lua': 'return {}\n',
    }),
  );

/** The problems reported, each as [code, file:line:col], in no particular order. */
const EXPECTED = [
  ['APP0008', 'src/_index.yaml:16:16'],
  ['APP0013', 'src/_index.yaml:10:21'],
  ['APP0015', 'src/_index.yaml:26:11'],
  ['SEC0001', 'src/_index.yaml:29:53'],
  ['APP0012', 'src/lib/_index.yaml:13:10'],
  ['LUA2001', 'src/broken.lua:2:13'],
  ['LUA2003', 'src/typed.lua:2:16'],
  ['TS2322', 'src/script.ts:2:9'],
];

describe('moonforge check', () => {
  it('reports every problem of every file in one run, with source lines and carets, and runs nothing', async () => {
    const r = await runMoonforgeCli(['check', brokenApp()], { env });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const heads = [...r.stderr.matchAll(/^(\S+:\d+:\d+): (error|warning) (\w+): /gm)].map((m) => [m[3], m[1]]);
    expect(heads.sort()).toEqual([...EXPECTED].sort());
    // each with its line and a caret under the offending text (a definition line too)
    expect(r.stderr).toContain("src/_index.yaml:10:21: error APP0013: app:good: module 'nosuch' is not available");
    expect(r.stderr).toContain('    modules: [time, nosuch]\n                    ^');
    expect(r.stderr).toContain('  local x = = 1\n            ^');
    expect(r.stderr).toContain('  const n: number = "x";\n        ^');
    expect(r.stderr).toContain('warning APP0015: app:web:');
    expect(r.stderr.endsWith('7 errors, 1 warning in 8 files\n')).toBe(true);
  });

  it('--format json: one record per diagnostic on stdout, nothing else', async () => {
    const r = await runMoonforgeCli(['check', '--format', 'json', brokenApp()], { env });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const records = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((x) => [x.code, `${x.file}:${x.line}:${x.column}`]).sort()).toEqual([...EXPECTED].sort());
    for (const x of records) {
      expect(x).toMatchObject({ code: expect.any(String), file: expect.any(String), line: expect.any(Number), column: expect.any(Number), message: expect.any(String) });
      expect(x.severity).toBe(x.code === 'APP0015' ? 'warning' : 'error');
    }
  });

  it('a clean app exits 0 with only the summary; from inside the app folder without naming it', async () => {
    const dir = realpathSync(writeApp({ 'src/_index.yaml': indexYaml(processEntry('good', 'good.lua')), 'src/good.lua': main }));
    expect(await runMoonforgeCli(['check', dir], { env })).toMatchObject({ status: 0, stdout: '', stderr: '0 errors, 0 warnings in 2 files\n' });
    expect(await runMoonforgeCli(['check'], { cwd: dir, env })).toMatchObject({ status: 0, stdout: '', stderr: '0 errors, 0 warnings in 2 files\n' });
    expect(await runMoonforgeCli(['check', '--format', 'json', dir], { env })).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  it('warnings alone exit 0', async () => {
    const dir = writeApp({ 'src/_index.yaml': indexYaml('  - name: web\n    kind: http.service\n') });
    const r = await runMoonforgeCli(['check', dir], { env });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning APP0015: .*\n0 errors, 1 warning in 1 file\n$/s);
  });

  it('--help prints its usage; a bad option is a usage error', async () => {
    const help = await runMoonforgeCli(['check', '--help'], { env });
    expect(help).toMatchObject({ status: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage:\n {2}moonforge check \[--format text\|json\] \[APPDIR\]/);
    const bad = await runMoonforgeCli(['check', '--format', 'xml', '.'], { env });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--format must be 'text' or 'json'");
  });
});

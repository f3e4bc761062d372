// A whole app compiled through the compile pool from the built CLI (dist/compile-worker.mjs; `node esbuild.config.mjs`
// first): `moonforge check` reports the same problems in the same order, in text and JSON, and `moonforge run -x`
// runs the same, whether every entry was compiled in the main thread (MOONFORGE_COMPILE_WORKERS=0) or on a forced
// pool of two workers. Cold each time (MOONFORGE_CACHE=off: a private cache per run). Stderr is a pipe here, so the
// progress line must not show in it either.
import { describe, expect, it, vi } from 'vitest';
import { indexYaml, writeApp } from '../support/app-folder.js';
import { runMoonforgeCli } from '../support/moonforge-cli.js';

vi.setConfig({ testTimeout: 90_000 });

const ENTRIES = 12;

const entry = (name: string, extra = ''): string =>
  `  - name: ${name}\n    kind: process.lua\n    source: file://${name}.lua\n    method: main\n    imports:\n      util: app:util\n${extra}`;

/** An app of ENTRIES process entries sharing a library; `broken` adds entries with syntax and typed-Lua errors. */
function app(broken: boolean): string {
  const files: Record<string, string> = {};
  let yaml = '  - name: util\n    kind: library.lua\n    source: file://util.lua\n';
  files['src/util.lua'] = 'local M = {}\nfunction M.square(x) return x * x end\nreturn M\n';
  for (let i = 0; i < ENTRIES; i++) {
    yaml += entry(`e${i}`);
    files[`src/e${i}.lua`] =
      `local function main(...)\n  local s = 0\n  for k = 1, ${i + 2} do s = s + util.square(k) end\n` +
      `  print("e${i}", s, select("#", ...))\n  return 0\nend\nreturn { main = main }\n`;
  }
  if (broken) {
    yaml += entry('syntax') + entry('typed') + entry('nomodule', '    modules: [nosuch]\n');
    files['src/syntax.lua'] = 'local function main()\n  local x = = 1\nend\nreturn { main = main }\n';
    files['src/typed.lua'] = 'local function main(): number\n  local x: {a: = 1\n  return x\nend\nreturn { main = main }\n';
    files['src/nomodule.lua'] = 'return { main = function() return 0 end }\n';
    files['src/e3.lua'] = 'local function main()\n  return 0\n'; // the end is missing
  }
  return writeApp({ 'src/_index.yaml': indexYaml(yaml), ...files });
}

const run = (args: string[], workers: string) =>
  runMoonforgeCli(args, { env: { MOONFORGE_CACHE: 'off', MOONFORGE_COMPILE_WORKERS: workers } });

describe('an app compiled on the compile pool (the built CLI)', () => {
  it('moonforge check: the same problems, in the same order, as text and as JSON', async () => {
    const dir = app(true);
    let text = '';
    for (const format of [[], ['--format', 'json']]) {
      const [here, pooled] = await Promise.all([run(['check', dir, ...format], '0'), run(['check', dir, ...format], '2')]);
      expect(here.status).toBe(1);
      expect(pooled).toEqual(here);
      text ||= pooled.stderr;
    }
    expect(text).toMatch(/syntax\.lua:2:13: error LUA\d+: unexpected symbol/);
    expect(text).toMatch(/typed\.lua:2:16: error LUA\d+: type expected/);
    expect(text).toMatch(/e3\.lua:3:1: error LUA\d+: 'end' expected/);
    expect(text).toMatch(/error APP0013/);
    expect(text).not.toContain('\r');
  });

  it('moonforge run -x: the entries compiled by the workers run as those compiled in the main thread', async () => {
    const dir = app(false);
    const args = ['run', dir, '-x', 'app:e0', 'a', 'b'];
    const [here, pooled] = await Promise.all([run(args, '0'), run(args, '2')]);
    expect(here).toMatchObject({ status: 0, stdout: 'e0\t5\t2\n', stderr: '' });
    expect(pooled).toEqual(here);
  });
});

// Bad input to the `moonforge` command gets one clear line on stderr and exit 1: files that are not Lua sources
// (devices, huge files, folders that are not apps), an output path that cannot be written; an option without its
// value is bad usage (the line, then the command's usage, exit 2). Before, `run /dev/zero` read forever, `--host` at the end was ignored, `compile -o /missing/x.mjs` printed
// a JS stack.
import { describe, expect, it, beforeAll, vi } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, truncateSync, writeFile, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMoonforgeCli } from '../support/moonforge-cli.js';
import { RUN_USAGE } from '../../sdk/cli/run-command.js';
import { COMPILE_USAGE } from '../../sdk/cli/compile-command.js';

vi.setConfig({ testTimeout: 30_000 });

let dir: string;
let env: Record<string, string>;
let app: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mf-cli-bad-'));
  env = { MOONFORGE_CACHE_DIR: mkdtempSync(join(tmpdir(), 'mf-cli-bad-cache-')) };
  app = join(dir, 'app');
  mkdirSync(join(app, 'src'), { recursive: true });
  writeFileSync(
    join(app, 'src', '_index.yaml'),
    'namespace: app\nentries:\n  - name: terminal\n    kind: terminal.host\n  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: main\n',
  );
  writeFileSync(join(app, 'src', 'main.lua'), 'return { main = function() print("ran") end }\n');
});

describe.concurrent('files that are not Lua sources', () => {
  it('an endless device is read only up to the limit and refused (it was read forever)', async () => {
    expect(await runMoonforgeCli(['run', '/dev/zero'], { env })).toEqual({
      timedOut: false,
      status: 1, stdout: '', stderr: '/dev/zero: error LUA1010: cannot read file (too large: the limit is 64 MiB)\n',
    });
    expect(await runMoonforgeCli(['compile', '/dev/zero'], { env })).toEqual({
      timedOut: false,
      status: 1, stdout: '', stderr: '/dev/zero: error LUA1010: cannot read file (too large: the limit is 64 MiB)\n',
    });
  });
  it('other files that are not regular run as lua.c runs them: /dev/null is an empty chunk, a FIFO is read to its end', async () => {
    expect(await runMoonforgeCli(['run', '/dev/null'], { env })).toEqual({ timedOut: false, status: 0, stdout: '', stderr: '' });
    const fifo = join(dir, 'script.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = new Promise<void>((resolve, reject) =>
      writeFile(fifo, 'print("through a pipe")\n', (e) => (e ? reject(e) : resolve())),
    );
    const r = await runMoonforgeCli(['run', fifo], { env });
    await writer;
    expect(r).toEqual({ timedOut: false, status: 0, stdout: 'through a pipe\n', stderr: '' });
  });
  it('a file past 64 MiB is refused before it is read', async () => {
    const big = join(dir, 'big.lua');
    writeFileSync(big, '');
    truncateSync(big, 64 * 2 ** 20 + 1); // sparse: no disk, no time
    expect(await runMoonforgeCli(['run', big], { env })).toEqual({
      timedOut: false,
      status: 1, stdout: '',
      stderr: `${big}: error LUA1010: cannot read file (too large: ${64 * 2 ** 20 + 1} bytes, the limit is 64 MiB)\n`,
    });
  });
  it('a folder without src/ is named as given (it was ".")', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect(await runMoonforgeCli(['run', empty], { env })).toEqual({
      timedOut: false,
      status: 1, stdout: '', stderr: `${empty}:1:1: error APP0011: source directory not found: ./src\n`,
    });
  });
});

// bad usage since options are parsed strictly (issue 14): one line, then the command's usage, exit 2 (it was exit 1)
describe.concurrent('options without their value', () => {
  for (const [argv, option] of [
    [['--host'], '--host'],
    [['-x', 'app:main', '--host'], '--host'],
    [['--host', '-x', 'app:main'], '--host'],
    [['-x'], '-x'],
    [['--exec'], '--exec'],
  ] as const) {
    it(`run APPDIR ${argv.join(' ')}`, async () => {
      expect(await runMoonforgeCli(['run', app, ...argv], { env })).toEqual({
        timedOut: false,
        status: 2, stdout: '', stderr: `moonforge run: option ${option} needs a value\n${RUN_USAGE}`,
      });
    });
  }
  it('compile FILE -o', async () => {
    const f = join(dir, 'c.lua');
    writeFileSync(f, 'print(1)\n');
    expect(await runMoonforgeCli(['compile', f, '-o'], { env })).toEqual({
      timedOut: false,
      status: 2, stdout: '', stderr: `moonforge compile: option -o needs a value\n${COMPILE_USAGE}`,
    });
  });
  it('with their values the same app runs', async () => {
    expect(await runMoonforgeCli(['run', app, '-x', 'app:main', '--host', 'app:terminal'], { env })).toEqual({
      timedOut: false,
      status: 0, stdout: 'ran\n', stderr: '',
    });
  });
});

describe('definition files', () => {
  it('a method the chunk does not define is reported at its `method:` line (it had no position)', async () => {
    const bad = join(dir, 'nomethod');
    mkdirSync(join(bad, 'src'), { recursive: true });
    writeFileSync(
      join(bad, 'src', '_index.yaml'),
      'namespace: app\nentries:\n  - name: terminal\n    kind: terminal.host\n  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: nosuch\n',
    );
    writeFileSync(join(bad, 'src', 'main.lua'), 'return { main = function() print("ran") end }\n');
    expect(await runMoonforgeCli(['run', bad, '-x', 'app:main'], { env })).toEqual({
      timedOut: false,
      status: 1, stdout: '', stderr: 'src/_index.yaml:8:13: method not found: nosuch\n',
    });
  });
});

describe('cache folder', () => {
  it('MOONFORGE_CACHE_DIR where no folder can be made (/proc/...): the run goes on without the cache (it spun forever)', async () => {
    const f = join(dir, 'cached.lua');
    writeFileSync(f, 'print("ran")\n');
    expect(await runMoonforgeCli(['run', f], { env: { MOONFORGE_CACHE_DIR: '/proc/moonforge-nope/cache' } })).toEqual({
      timedOut: false,
      status: 0, stdout: 'ran\n', stderr: '',
    });
  });
  it('a nested cache folder is still made level by level', async () => {
    const f = join(dir, 'nested.lua');
    writeFileSync(f, 'print("ran")\n');
    const cache = join(dir, 'c1', 'c2', 'c3');
    expect(await runMoonforgeCli(['run', f], { env: { MOONFORGE_CACHE_DIR: cache } })).toEqual({ timedOut: false, status: 0, stdout: 'ran\n', stderr: '' });
    expect(readdirSync(cache).some((n) => n.endsWith('.mjs'))).toBe(true);
  });
});

describe('compile output', () => {
  it('an output path in a missing folder: one line naming it, exit 1 (it was a JS stack, exit 70)', async () => {
    const f = join(dir, 'o.lua');
    writeFileSync(f, 'print(1)\n');
    const out = join(dir, 'missing', 'dir', 'x.mjs');
    expect(await runMoonforgeCli(['compile', f, '-o', out], { env })).toEqual({
      timedOut: false,
      status: 1, stdout: '', stderr: `moonforge compile: cannot write ${out} (ENOENT)\n`,
    });
  });
  it('a folder as the output path: one line, exit 1', async () => {
    const f = join(dir, 'od.lua');
    writeFileSync(f, 'print(1)\n');
    const out = join(dir, 'a-folder');
    mkdirSync(out);
    expect(await runMoonforgeCli(['compile', f, '-o', out], { env })).toEqual({
      timedOut: false,
      status: 1, stdout: '', stderr: `moonforge compile: cannot write ${out} (EISDIR)\n`,
    });
  });
  it('the map cannot be written (a folder in its place): one line, exit 1, and no module without its map', async () => {
    const f = join(dir, 'om.lua');
    writeFileSync(f, 'print(1)\n');
    const out = join(dir, 'om-out', 'm.mjs');
    mkdirSync(`${out}.map`, { recursive: true });
    expect(await runMoonforgeCli(['compile', f, '-o', out], { env })).toEqual({
      timedOut: false,
      status: 1, stdout: '', stderr: `moonforge compile: cannot write ${out}.map (EISDIR)\n`,
    });
    expect(readdirSync(join(dir, 'om-out'))).toEqual(['m.mjs.map']); // the folder in the map's place, no m.mjs
  });
  it('a .ts file to an output path in a missing folder: the same one line, exit 1', async () => {
    const f = join(dir, 'o.ts');
    writeFileSync(f, 'print(1);\n');
    const out = join(dir, 'missing-ts', 'x.mjs');
    expect(await runMoonforgeCli(['compile', f, '-o', out], { env })).toEqual({
      timedOut: false,
      status: 1, stdout: '', stderr: `moonforge compile: cannot write ${out} (ENOENT)\n`,
    });
  });
  it('a .ts file to a folder as the output path: one line, exit 1', async () => {
    const f = join(dir, 'od.ts');
    writeFileSync(f, 'print(1);\n');
    const out = join(dir, 'a-ts-folder');
    mkdirSync(out);
    expect(await runMoonforgeCli(['compile', f, '-o', out], { env })).toEqual({
      timedOut: false,
      status: 1, stdout: '', stderr: `moonforge compile: cannot write ${out} (EISDIR)\n`,
    });
  });
});

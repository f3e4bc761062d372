// `--format json`: the CLI's diagnostics as JSON Lines on stderr, one record per diagnostic (diagnostics/render.ts),
// for `compile`, `run FILE.lua` and `run APPDIR`, from every code family: the same records the text form shows.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMoonforgeCli } from '../support/moonforge-cli.js';
import { RUN_USAGE } from '../../sdk/cli/run-command.js';

const records = (stderr: string): Array<Record<string, unknown>> =>
  stderr
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'mf-json-'));
}

describe('--format json', () => {
  it('compile: one record per diagnostic, with every field, the column in characters', async () => {
    const dir = tempDir();
    const f = join(dir, 'bad.lua');
    writeFileSync(f, 'local s = 1\nx = "é" = 1\n');
    const r = await runMoonforgeCli(['compile', '--format', 'json', f]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(records(r.stderr)).toEqual([
      { code: 'LUA2001', severity: 'error', file: f, line: 2, column: 9, length: 1, message: "unexpected symbol near '='", notes: [], fix: null },
    ]);
  });

  it('compile: the text form is the default and says the same', async () => {
    const dir = tempDir();
    const f = join(dir, 'bad.lua');
    writeFileSync(f, 'x = = 1\n');
    const r = await runMoonforgeCli(['compile', f]);
    expect(r.stderr).toBe(`${f}:1:5: error LUA2001: unexpected symbol near '='\nx = = 1\n    ^\n`);
  });

  it('compile: a file that cannot be read is a LUA1010 record without a position', async () => {
    const f = join(tempDir(), 'missing.lua');
    const r = await runMoonforgeCli(['compile', f, '--format', 'json']);
    expect(r.status).toBe(1);
    expect(records(r.stderr)).toEqual([
      { code: 'LUA1010', severity: 'error', file: f, line: 0, column: 0, length: 1, message: 'cannot read file (ENOENT)', notes: [], fix: null },
    ]);
  });

  it('run FILE.lua: compile diagnostics as records, and an unknown format is refused', async () => {
    const dir = tempDir();
    const f = join(dir, 'bad.lua');
    writeFileSync(f, 'goto nowhere\n');
    const r = await runMoonforgeCli(['run', '--format', 'json', f]);
    expect(r.status).toBe(1);
    expect(records(r.stderr)).toMatchObject([{ code: 'LUA1004', file: f, line: 1, column: 1 }]);
    const bad = await runMoonforgeCli(['run', '--format', 'xml', f]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(`moonforge run: --format must be 'text' or 'json' (got 'xml')\n${RUN_USAGE}`);
  });

  it('run APPDIR: every definition-file problem as a record', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'src'));
    writeFileSync(
      join(dir, 'src/_index.yaml'),
      'namespace: app\nentries:\n  - name: main\n    kind: process.lua\n    source: file://nope.lua\n    method: 7\n  - name: odd\n    kind: no.such.kind\n',
    );
    const r = await runMoonforgeCli(['run', '--format', 'json', dir, '-x', 'app:main']);
    expect(r.status).toBe(1);
    expect(records(r.stderr)).toMatchObject([
      { code: 'APP0007', severity: 'error', file: 'src/_index.yaml', line: 5, column: 13 },
      { code: 'APP0004', file: 'src/_index.yaml', line: 6, column: 13 },
      { code: 'APP0005', file: 'src/_index.yaml', line: 8, column: 11 },
    ]);
  });

  it('run APPDIR: start problems (an unavailable module, a compile error) as records', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'src'));
    writeFileSync(
      join(dir, 'src/_index.yaml'),
      'namespace: app\nentries:\n  - name: host\n    kind: process.host\n  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: main\n    modules: [time, sql]\n',
    );
    writeFileSync(join(dir, 'src/main.lua'), 'return { main = function() x = = 1 end }\n');
    const r = await runMoonforgeCli(['run', '--format', 'json', dir, '-x', 'app:main']);
    expect(r.status).toBe(1);
    expect(records(r.stderr)).toMatchObject([
      { code: 'APP0013', file: 'src/_index.yaml', line: 9, column: 21 },
      { code: 'LUA2001', file: 'src/main.lua', line: 1, column: 32 },
    ]);
  });
});

// TypeScript is loaded only when a .ts file has to be built: never by `moonforge run x.lua`, and not by a .ts run the
// compile cache answers. A preloaded hook reports at exit whether Node's module cache holds the typescript package.
// Needs dist/.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runMoonforgeCli } from '../support/moonforge-cli.js';

vi.setConfig({ testTimeout: 90_000 });

const HOOK = `process.on('exit', () => {
  const loaded = Object.keys(require('module')._cache).some((k) => /[\\\\/]node_modules[\\\\/]typescript[\\\\/]/.test(k));
  process.stderr.write('typescript loaded: ' + loaded + '\\n');
});
`;

function setup(): { dir: string; run: (file: string) => ReturnType<typeof runMoonforgeCli> } {
  const dir = mkdtempSync(join(tmpdir(), 'mf-ts-lazy-'));
  writeFileSync(join(dir, 'hook.cjs'), HOOK);
  const cache = mkdtempSync(join(tmpdir(), 'mf-ts-cache-'));
  return {
    dir,
    run: (file) => runMoonforgeCli(['run', file], { cwd: dir, nodeArgs: ['--require', join(dir, 'hook.cjs')], env: { MOONFORGE_CACHE_DIR: cache }, timeoutMs: 80_000 }),
  };
}

describe('the TypeScript toolchain is loaded lazily', () => {
  it('moonforge run x.lua does not load TypeScript', async () => {
    const { dir, run } = setup();
    writeFileSync(join(dir, 'x.lua'), 'print("lua")\n');
    const r = await run('x.lua');
    expect(r.stdout).toBe('lua\n');
    expect(r.stderr).toBe('typescript loaded: false\n');
  });

  it('a .ts run loads it to build, and a second run of the unchanged file does not', async () => {
    const { dir, run } = setup();
    writeFileSync(join(dir, 'x.ts'), 'print("ts");\n');
    const first = await run('x.ts');
    expect([first.stdout, first.stderr]).toEqual(['ts\n', 'typescript loaded: true\n']);
    const second = await run('x.ts');
    expect([second.stdout, second.stderr]).toEqual(['ts\n', 'typescript loaded: false\n']);
    writeFileSync(join(dir, 'x.ts'), 'print("changed");\n');
    const third = await run('x.ts');
    expect([third.stdout, third.stderr]).toEqual(['changed\n', 'typescript loaded: true\n']);
  });
});

describe('the compile cache of a .ts build', () => {
  it('is checked against every file the program read: a changed type-only import is type-checked again', async () => {
    const { dir, run } = setup();
    writeFileSync(join(dir, 'shapes.ts'), 'export interface Shape { sides: number }\n');
    writeFileSync(join(dir, 'x.ts'), 'import type { Shape } from "./shapes";\nconst s: Shape = { sides: 3 };\nprint(s.sides);\n');
    expect((await run('x.ts')).stdout).toBe('3\n');
    expect((await run('x.ts')).stderr).toBe('typescript loaded: false\n');
    writeFileSync(join(dir, 'shapes.ts'), 'export interface Shape { corners: number }\n');
    const r = await run('x.ts');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^x\.ts:2:20: error TS2353: /);
  });
});

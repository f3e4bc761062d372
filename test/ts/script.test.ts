// `moonforge run FILE.ts`: a TypeScript script is type-checked, transpiled (TSTL), gated and run; every problem is
// reported before anything runs, in moonforge's diagnostic format; a runtime error names .ts lines. Needs dist/.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runMoonforgeCli } from '../support/moonforge-cli.js';

// a cold build loads TypeScript and type-checks (a few seconds on a loaded machine)
vi.setConfig({ testTimeout: 90_000 });

const cacheDir = mkdtempSync(join(tmpdir(), 'mf-ts-cache-'));

/** Runs `source` as `moonforge run NAME` from a folder of its own (NAME is what messages show). */
function runTs(source: string, args: string[] = [], name = 'main.ts', extraArgs: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'mf-ts-'));
  writeFileSync(join(dir, name), source);
  return runMoonforgeCli(['run', ...extraArgs, name, ...args], { cwd: dir, env: { MOONFORGE_CACHE_DIR: cacheDir }, timeoutMs: 80_000 });
}

describe('moonforge run FILE.ts', () => {
  it('runs a script: classes, closures, continue, Map, template strings, the script arguments', async () => {
    const r = await runTs(
      `class Counter {
  private n = 0;
  inc(): number { this.n++; return this.n; }
}
const c = new Counter();
const xs = [1, 2, 3].map((x) => x * 10);
for (const x of xs) {
  if (x === 20) continue;
  print(\`x=\${x}\`, c.inc());
}
const m = new Map<string, number>([["a", 1]]);
print(m.get("a"), "café".length, ...$vararg);
`,
      ['one', 'two'],
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('x=10\t1\nx=30\t2\n1\t5\tone\ttwo\n');
    expect(r.status).toBe(0);
  });

  it('reports every type error of the file, in the one format, with exit 1, before anything runs', async () => {
    const r = await runTs(`print("ran");
function add(a: number, b: number): number {
  return a + b;
}
const s: string = add(1, 2);
print(add("x", 2));
`);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `main.ts:5:7: error TS2322: Type 'number' is not assignable to type 'string'.
const s: string = add(1, 2);
      ^
main.ts:6:11: error TS2345: Argument of type 'string' is not assignable to parameter of type 'number'.
print(add("x", 2));
          ^^^
`,
    );
  });

  it('writes them as JSON records with --format json', async () => {
    const r = await runTs('const n: number = "x";\n', [], 'main.ts', ['--format', 'json']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      { code: 'TS2322', severity: 'error', file: 'main.ts', line: 1, column: 7, length: 1, message: "Type 'string' is not assignable to type 'number'.", notes: [], fix: null },
    ]);
  });

  it("stops TSTL's invalid Lua (a break in a catch inside a loop, TypeScriptToLua#1598) at the .ts position, once", async () => {
    const r = await runTs(`print("ran");
for (const i of [1, 2, 3]) {
  try {
    print(i);
  } catch (e) {
    break;
  }
}
`);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    // the process rule names it with its suggestion; the luaparse gate, which fails at the same line, is not repeated
    expect(r.stderr).toMatch(/^main\.ts:6:5: error MF9001: /);
    expect(r.stderr).not.toContain('TSL0001');
  });

  it('a runtime error names the .ts line, and its traceback .ts lines', async () => {
    const r = await runTs(`interface Cfg { port?: { n: number } }

function inner(cfg: Cfg): number {
  const p = cfg.port!;
  return p.n + 1;
}

function outer(): number {
  return inner({});
}

print("before");
print(outer());
`);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toBe(
      `main.ts:5: attempt to index a nil value (local 'p')
stack traceback:
\tmain.ts:5: in function 'inner'
\tmain.ts:9: in function 'outer'
\tmain.ts:13: in main chunk
`,
    );
  });

  it('an error raised by a library function and anonymous functions name the .ts lines too, lualib helpers no frame', async () => {
    const r = await runTs(`const f = (s: string): string => {
  return string.rep(s, -1, undefined as unknown as string) + error("bad " + s);
};
[1].forEach(() => {
  f("x");
});
`);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^main\.ts:2: bad x\nstack traceback:\n/);
    expect(r.stderr).toMatch(/\tmain\.ts:2: in function <main\.ts:1>\n/);
    expect(r.stderr).toMatch(/\tmain\.ts:5: in function <main\.ts:4>\n/);
    // the lualib helper between them (__TS__ArrayForEach) is TSTL's, not the author's: no frame of its own
    expect(r.stderr).not.toMatch(/__TS__/);
  });

  it('moonforge compile FILE.ts writes the module and its source map, which names the .ts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mf-ts-'));
    writeFileSync(join(dir, 'tool.ts'), 'const greet = (name: string): string => `hi ${name}`;\nprint(greet("moon"));\n');
    const r = await runMoonforgeCli(['compile', 'tool.ts'], { cwd: dir, env: { MOONFORGE_CACHE_DIR: cacheDir }, timeoutMs: 80_000 });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(readFileSync(join(dir, 'tool.mjs'), 'utf8')).toMatch(/\n\/\/# sourceMappingURL=tool\.mjs\.map\n$/);
    expect(JSON.parse(readFileSync(join(dir, 'tool.mjs.map'), 'utf8')).sources).toEqual(['tool.ts']);
    writeFileSync(join(dir, 'bad.ts'), 'const n: number = "x";\n');
    const bad = await runMoonforgeCli(['compile', 'bad.ts'], { cwd: dir, env: { MOONFORGE_CACHE_DIR: cacheDir }, timeoutMs: 80_000 });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^bad\.ts:1:7: error TS2322: /);
    expect(existsSync(join(dir, 'bad.mjs'))).toBe(false);
  });
});

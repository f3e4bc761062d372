// Checks the benchmark tooling itself (not moonforge's speed): the runner's output comparison and JSON, the
// wasmoon/fengari drivers' print fidelity, that the benchmark programs and generated Lua are valid Lua, and that the
// module benchmark's reference does the same work as moonforge.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceLuaOutput } from '../support/reference-lua.js';

const ROOT = join(import.meta.dirname, '..', '..');
const node = process.execPath;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'moonforge-bench-'));
}

describe('bench/run-cpu.mjs', () => {
  it('marks a runtime whose output differs from lua5.4 and still exits 0 when moonforge is not involved', () => {
    const dir = tempDir();
    // 65536^2*3 needs more than 32 bits: fengari's integers wrap, lua5.1's doubles do not.
    writeFileSync(join(dir, 'overflow.lua'), 'local x = 65536 * 65536 * 3\nprint(string.format("%d", x % 1000000007))\n');
    writeFileSync(join(dir, 'same.lua'), 'print(1, "two", nil)\n');
    const json = join(dir, 'out.json');
    const r = spawnSync(node, ['bench/run-cpu.mjs', '--dir', dir, '--runtimes', 'lua5.1,fengari', '--runs', '1',
      '--no-compile', '--json', json], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const data = JSON.parse(readFileSync(json, 'utf8'));
    expect(data.reference).toBe('lua5.4');
    expect(data.benchmarks.same.fengari.status).toBe('ok');
    expect(data.benchmarks.same['lua5.1'].status).toBe('ok');
    expect(data.benchmarks.overflow['lua5.1'].status).toBe('ok');
    expect(data.benchmarks.overflow.fengari.status).toBe('mismatch');
    expect(data.benchmarks.overflow.fengari.detail).toContain('884901804');
    expect(typeof data.geomean.fengari).toBe('number');
    expect(r.stdout).toContain('fengari overflow: mismatch');
  });

  it('--process runs each program as a process main beside the script, with CPU times, and --repeat adds the spread', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'same.lua'), 'local t = {}\nfor i = 1, 10 do t[#t + 1] = i * i end\nprint(#t, t[10])\n');
    // Only a process has the process module: the process column must be marked wrong, the script's not.
    writeFileSync(join(dir, 'kind.lua'), 'print(type(process))\n');
    const json = join(dir, 'out.json');
    const r = spawnSync(node, ['bench/run-cpu.mjs', '--dir', dir, '--process', '--repeat', '2', '--json', json],
      { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const data = JSON.parse(readFileSync(json, 'utf8'));
    const same = data.benchmarks.same;
    expect(same.moonforge.status).toBe('ok');
    expect(same['moonforge-process'].status).toBe('ok');
    expect(same['moonforge-process'].cpus).toHaveLength(2);
    for (const cpu of [...same['moonforge-process'].cpus, ...same['lua5.4'].cpus]) expect(cpu).toBeGreaterThan(0);
    expect(typeof same.processRatio.cpu).toBe('number');
    expect(data.benchmarks.kind.moonforge.status).toBe('ok');
    expect(data.benchmarks.kind['moonforge-process'].status).toBe('mismatch');
    expect(data.benchmarks.kind['moonforge-process'].detail).toContain('table');
    expect(r.stdout).toContain('Process mode');
    expect(r.stdout).toContain('slowest/fastest');
  }, 60_000);

  it('rejects an unknown option and an unknown benchmark', () => {
    const a = spawnSync(node, ['bench/run-cpu.mjs', '--bogus'], { cwd: ROOT, encoding: 'utf8' });
    expect(a.status).toBe(2);
    const b = spawnSync(node, ['bench/run-cpu.mjs', '--only', 'nosuchbench'], { cwd: ROOT, encoding: 'utf8' });
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('nosuchbench');
  });
});

describe('bench/drivers', () => {
  const program = 'print(1, nil, "a\\tb", true, -0.5, 1e100, 2^31)\nprint()\nprint(string.format("%.6f", 1/3))\n';
  const failing = 'print("before")\nerror("boom")\n';
  for (const driver of ['wasmoon', 'fengari']) {
    it(`${driver} prints what lua5.4 prints and exits 1 on an error`, () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'p.lua'), program);
      writeFileSync(join(dir, 'e.lua'), failing);
      const expected = referenceLuaOutput(program, { lua: 'lua5.4' });
      const got = execFileSync(node, [`bench/drivers/${driver}.mjs`, join(dir, 'p.lua')], { cwd: ROOT, encoding: 'latin1' });
      // Only values every runtime prints alike: fengari's float formatting differs from C's for large floats
      // (2^53 prints as 9007199254741000.0), which the benchmarks avoid too.
      expect(got).toBe(expected);
      const e = spawnSync(node, [`bench/drivers/${driver}.mjs`, join(dir, 'e.lua')], { cwd: ROOT, encoding: 'utf8' });
      expect(e.status).toBe(1);
      expect(e.stdout).toBe('before\n');
      expect(e.stderr).toContain('boom');
    });
  }
});

describe('benchmark sources', () => {
  it('every bench/cpu program compiles under lua5.1 and lua5.4 (no 5.2+ syntax, no 5.1-only syntax)', () => {
    const files = readdirSync(join(ROOT, 'bench', 'cpu')).filter((f) => f.endsWith('.lua'));
    expect(files.length).toBe(10);
    for (const f of files) {
      const path = join(ROOT, 'bench', 'cpu', f);
      for (const lua of ['lua5.1', 'lua5.4'] as const) {
        referenceLuaOutput(`assert(loadfile(${JSON.stringify(path)}))`, { lua });
      }
    }
  });

  it('every bench/cpu-real program compiles under lua5.1 and lua5.4, and no name repeats one of bench/cpu', () => {
    const files = readdirSync(join(ROOT, 'bench', 'cpu-real')).filter((f) => f.endsWith('.lua'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    const kernels = readdirSync(join(ROOT, 'bench', 'cpu'));
    for (const f of files) {
      expect(kernels).not.toContain(f);
      const path = join(ROOT, 'bench', 'cpu-real', f);
      for (const lua of ['lua5.1', 'lua5.4'] as const) {
        referenceLuaOutput(`assert(loadfile(${JSON.stringify(path)}))`, { lua });
      }
    }
  });

  it('the compile-throughput generator emits Lua that lua5.4 loads, as modules and as one chunk', () => {
    const dir = tempDir();
    const script = `
      import { generateModules, joinModules } from ${JSON.stringify(join(ROOT, 'bench', 'lib', 'lua-gen.mjs'))};
      import { writeFileSync } from 'node:fs';
      const mods = generateModules(150000, 7);
      mods.forEach((m, i) => writeFileSync(${JSON.stringify(dir)} + '/m' + i + '.lua', m));
      writeFileSync(${JSON.stringify(dir)} + '/all.lua', joinModules(mods));
    `;
    execFileSync(node, ['--input-type=module', '-e', script]);
    const files = readdirSync(dir).filter((f) => f.endsWith('.lua'));
    expect(files.length).toBeGreaterThan(3);
    const check = files.map((f) => `assert(loadfile(${JSON.stringify(join(dir, f))}))`).join('\n');
    referenceLuaOutput(check, { lua: 'lua5.4' });
  });
});

describe('bench/modules', () => {
  // The reference side must do the same work as moonforge's json.encode: the same document, as parsed JSON.
  it("the plain-Lua reference encoder writes the document moonforge's json.encode writes", () => {
    const doc = `{ id = 7, status = 'confirmed', total = 1234.56, note = 'a\\nb "q" \\\\ <&>',
      customer = { id = 'c-7', vip = true }, items = { { sku = 'S-1', qty = 2, price = 10.5 }, { sku = 'S-2', qty = 1, price = 3 } },
      tags = { 'gift', 'eu' } }`;
    const ref = referenceLuaOutput(
      `local json = dofile(${JSON.stringify(join(ROOT, 'bench', 'modules', 'ref-json.lua'))})\nio.write(json.encode(${doc}))`,
      { lua: 'lua5.4' },
    );
    const dir = tempDir();
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', '_index.yaml'), 'version: "1.0"\nnamespace: b\nentries:\n  - name: t\n    kind: terminal.host\n' +
      '  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: main\n    modules: [json, io]\n');
    writeFileSync(join(dir, 'src', 'main.lua'), `return { main = function() io.write((json.encode(${doc}))) end }`);
    const mf = execFileSync(node, [join(ROOT, 'bin', 'moonforge.mjs'), 'run', dir, '-x', 'b:main'], { encoding: 'utf8' });
    expect(JSON.parse(ref)).toEqual(JSON.parse(mf));
  });

  it('run.mjs refuses an unknown option', () => {
    const r = spawnSync(node, ['bench/modules/run.mjs', '--bogus'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown option --bogus');
  });
});

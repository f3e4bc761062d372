// V8's allocation-site pretenuring made an allocation-heavy Lua program take up to three times the CPU from one run
// to the next (docs/benchmarks.md, "the cliff"): bin/moonforge.mjs (scripts) and the process runtime (apps, bundles,
// embedders) turn it off. V8 prints its pretenuring statistics under --trace-pretenuring-statistics only while
// pretenuring is on; bench/cpu/binarytrees makes some then, which the first case shows, so none may appear in the
// other two.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const PROGRAM = join(ROOT, 'bench', 'cpu', 'binarytrees.lua');
const EXPECTED_LAST = 'long lived tree of depth 15 check: 65535';

function traced(args: string[]): { decisions: number; out: string } {
  const r = spawnSync(process.execPath, ['--trace-pretenuring-statistics', ...args], { cwd: ROOT, encoding: 'latin1', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  return { decisions: r.stdout.split('\n').filter((l) => l.includes('pretenuring:')).length, out: r.stdout };
}

describe('allocation-site pretenuring is off where Lua runs', () => {
  it('the CLI module alone, without the launcher, still pretenures (the trace shows it)', () => {
    const cli = pathToFileURL(join(ROOT, 'dist', 'cli.mjs')).href;
    const r = traced(['--input-type=module', '-e', `import { main } from ${JSON.stringify(cli)}; process.exitCode = await main(['run', ${JSON.stringify(PROGRAM)}]);`]);
    expect(r.out).toContain(EXPECTED_LAST);
    expect(r.decisions).toBeGreaterThan(0);
  }, 60_000);

  it('a script run by bin/moonforge.mjs', () => {
    const r = traced([join(ROOT, 'bin', 'moonforge.mjs'), 'run', PROGRAM]);
    expect(r.out).toContain(EXPECTED_LAST);
    expect(r.decisions).toBe(0);
  }, 60_000);

  it("an app run through the SDK's runApp (the process runtime), as bundles and embedders run it", () => {
    const app = mkdtempSync(join(tmpdir(), 'moonforge-pretenure-'));
    mkdirSync(join(app, 'src'));
    writeFileSync(join(app, 'src', '_index.yaml'), 'version: "1.0"\nnamespace: app\nentries:\n' +
      '  - name: processes\n    kind: process.host\n    lifecycle:\n      auto_start: true\n' +
      '  - name: main\n    kind: process.lua\n    source: file://main.lua\n    method: main\n');
    writeFileSync(join(app, 'src', 'main.lua'), `local function main()\n${readFileSync(PROGRAM, 'utf8')}\nend\nreturn { main = main }\n`);
    const sdk = pathToFileURL(join(ROOT, 'dist', 'moonforge.mjs')).href;
    const r = traced(['--input-type=module', '-e', `import { runApp } from ${JSON.stringify(sdk)}; process.exitCode = await runApp(${JSON.stringify(app)}, { exec: 'app:main' });`]);
    expect(r.out).toContain(EXPECTED_LAST);
    expect(r.decisions).toBe(0);
  }, 60_000);
});

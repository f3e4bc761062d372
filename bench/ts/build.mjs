// The TypeScript build of an app of 20 .ts process entries (and a shared library), cold: `moonforge run APP -x` with
// an empty compile cache (type-check, TSTL, the luaparse gate, moonforge's compile, then the run itself) beside
// TSTL's own CLI on the same sources and tsconfig (`tstl -p`: type-check and Lua out), and the same moonforge run
// again once cached. Wall time of whole processes, the median over rounds; every round runs each in turn.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine, formatMachine } from '../lib/machine.mjs';
import { median } from '../lib/table.mjs';
import { ENTRIES, writeBenchApp } from './app.mjs';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] || 5);

function timed(cmd, args, opts) {
  const t = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return ms;
}

const results = { tstl: [], cold: [], cached: [] };
for (let round = 0; round < rounds; round++) {
  const dir = mkdtempSync(join(tmpdir(), 'mf-bench-ts-'));
  const cache = mkdtempSync(join(tmpdir(), 'mf-bench-ts-cache-'));
  try {
    writeBenchApp(dir, ROOT);
    results.tstl.push(timed(process.execPath, [join(ROOT, 'node_modules/typescript-to-lua/dist/tstl.js'), '-p', join(dir, 'tsconfig.json')], { cwd: dir }));
    const run = ['run', dir, '-x', 'app:main'];
    const env = { ...process.env, MOONFORGE_CACHE_DIR: cache };
    results.cold.push(timed(process.execPath, [join(ROOT, 'bin/moonforge.mjs'), ...run], { env }));
    results.cached.push(timed(process.execPath, [join(ROOT, 'bin/moonforge.mjs'), ...run], { env }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
}
console.log(formatMachine(describeMachine()));
console.log(`${ENTRIES} entries + a library, median of ${rounds} rounds (wall time, whole processes):`);
console.log(`  tstl -p (type-check + Lua)                  ${median(results.tstl).toFixed(0)} ms`);
console.log(`  moonforge run, cold (build + run)           ${median(results.cold).toFixed(0)} ms`);
console.log(`  moonforge run, cached (the run alone)       ${median(results.cached).toFixed(0)} ms`);

// Parallel compilation (sdk/compile-pool/): `moonforge check` of a synthetic app (app.mjs) with an empty compile cache,
// every entry compiled in the main thread (MOONFORGE_COMPILE_WORKERS=0) against the pool (one worker per core but
// one, the main thread compiling too; MOONFORGE_COMPILE_WORKERS=N forces N workers even for a small batch, which is
// how the smaller sizes find where a pool starts to pay). Whole processes, run in turn (A B A B ...), the median of
// each and of the pairwise ratios. CPU time is the process's own (user + system, workers included), and the main
// thread's alone (cpu-hook.mjs): on a busy machine, where a worker finds no free core, wall time says little of what
// the pool does, and the main thread's time is the least a run can take with free cores.
//   node bench/build/parallel.mjs [--entries 300,48,24,12] [--rounds 5] [--workers N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine, formatMachine } from '../lib/machine.mjs';
import { median, renderTable } from '../lib/table.mjs';
import { writeSyntheticApp } from './app.mjs';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : process.argv[i + 1];
};
const sizes = arg('--entries', '300,48,24,12').split(',').map(Number);
const rounds = Number(arg('--rounds', '5'));
const workers = Number(arg('--workers', String(Math.max(availableParallelism() - 1, 1))));

const CPU_HOOK = join(ROOT, 'bench/build/cpu-hook.mjs');

function check(app, compileWorkers) {
  const cache = mkdtempSync(join(tmpdir(), 'mf-bench-build-cache-'));
  try {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['--import', CPU_HOOK, join(ROOT, 'bin/moonforge.mjs'), 'check', app], {
      encoding: 'utf8',
      env: { ...process.env, MOONFORGE_CACHE_DIR: cache, MOONFORGE_COMPILE_WORKERS: String(compileWorkers) },
    });
    const wall = performance.now() - t;
    if (r.status !== 0) throw new Error(`moonforge check ${app} failed (${r.status}):\n${r.stderr}`);
    const m = /cpu-ms ([\d.]+) main-ms ([\d.]+)\s*$/.exec(r.stderr);
    return { wall, cpu: Number(m?.[1]), main: Number(m?.[2]) };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

console.log(formatMachine(describeMachine()));
console.log(`moonforge check, cold cache: in-thread vs a pool of ${workers} worker(s) + the main thread; median of ${rounds} rounds (ms)`);
const rows = [];
for (const entries of sizes) {
  const app = mkdtempSync(join(tmpdir(), 'mf-bench-build-app-'));
  try {
    writeSyntheticApp(app, entries);
    check(app, 0); // warm the file system cache and the OS
    const one = [];
    const pool = [];
    for (let round = 0; round < rounds; round++) {
      one.push(check(app, 0));
      pool.push(check(app, workers));
    }
    const m = (xs, k) => median(xs.map((x) => x[k]));
    const ratio = (k) => median(pool.map((p, i) => p[k] / one[i][k]));
    rows.push([
      String(entries),
      m(one, 'wall').toFixed(0),
      m(pool, 'wall').toFixed(0),
      ratio('wall').toFixed(2),
      m(one, 'cpu').toFixed(0),
      m(pool, 'cpu').toFixed(0),
      ratio('cpu').toFixed(2),
      m(one, 'main').toFixed(0),
      m(pool, 'main').toFixed(0),
      ratio('main').toFixed(2),
    ]);
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
}
console.log(
  renderTable(['entries', 'wall in-thread', 'wall pool', 'pool/in', 'cpu in-thread', 'cpu pool', 'pool/in', 'main thread in-thread', 'main pool', 'pool/in'], rows),
);

// `npm run bench`: runs the CPU benchmarks in bench/cpu/ under moonforge and the reference Lua runtimes, side by
// side in one run, measuring whole-process wall time (start-up and compilation included), and checks every output
// against lua5.4's. Exits non-zero only when moonforge's output is wrong (or it fails), never for a slow result.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine, formatMachine } from './lib/machine.mjs';
import { geometricMean, median, renderTable } from './lib/table.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REFERENCE = 'lua5.4';
// Targets from issue 2 (Performance): geometric mean and worst single benchmark, as ratios to lua5.4.
const TARGET_GEOMEAN = 0.35;
const TARGET_MAX = 1.25;

const USAGE = `usage: node bench/run-cpu.mjs [--only fib,nbody] [--runs N] [--runtimes lua5.4,moonforge] [--json FILE]
                                [--timeout SECONDS]
  --only LIST       run only these benchmarks (names of bench/cpu/*.lua without .lua)
  --runs N          timed runs per benchmark and runtime; the median is reported (default 3)
  --runtimes LIST   run only these runtimes (lua5.4 is always kept: it is the reference); known:
                    moonforge, moonforge-cold, lua5.4, lua5.1, luajit, wasmoon, fengari
  --json FILE       also write every measurement as JSON
  --timeout S       give up on one run after S seconds (default 600)
  --dir DIR         take the benchmarks from DIR instead of bench/cpu
  --cold-runs N      runs of moonforge-cold (cache off) per benchmark, median reported (default 1)
  --no-compile      skip the compile-throughput measurement that follows a full run (it is skipped with --only)`;

function parseOptions(argv) {
  const opts = { only: undefined, runs: 3, runtimes: undefined, json: undefined, timeout: 600, dir: join(ROOT, 'bench', 'cpu'), compile: true,
    coldRuns: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) fail(`missing value for ${a}`);
      return v;
    };
    const name = a.split('=')[0];
    if (name === '--only') opts.only = value().split(',').filter(Boolean);
    else if (name === '--runs') opts.runs = positiveInt(value(), '--runs');
    else if (name === '--runtimes') opts.runtimes = value().split(',').filter(Boolean);
    else if (name === '--json') opts.json = value();
    else if (name === '--timeout') opts.timeout = positiveInt(value(), '--timeout');
    else if (name === '--dir') opts.dir = value();
    else if (name === '--no-compile') opts.compile = false;
    else if (name === '--cold-runs') opts.coldRuns = positiveInt(value(), '--cold-runs');
    else if (name === '--help' || name === '-h') { console.log(USAGE); process.exit(0); }
    else fail(`unknown option ${a}`);
  }
  return opts;
}

function positiveInt(s, what) {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) fail(`${what} needs a positive integer, got ${s}`);
  return n;
}

function fail(msg) {
  process.stderr.write(`run-cpu: ${msg}\n${USAGE}\n`);
  process.exit(2);
}

function hasCommand(cmd) {
  const r = spawnSync(cmd, ['-v'], { stdio: 'ignore' });
  return !r.error;
}

function hasPackage(name) {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}

// Each runtime: how to run one file, whether it is installed, and why not. moonforge caches compiled output by
// content, so its timed runs follow one untimed warm-up; `moonforge-cold` measures one run with the cache off.
function defineRuntimes(coldRuns) {
  const node = process.execPath;
  const moonforgeBuilt = existsSync(join(ROOT, 'dist', 'cli.mjs'));
  const moonforgeMissing = 'dist/cli.mjs not built yet (run `npm run build`)';
  return [
    { name: REFERENCE, cmd: 'lua5.4', args: (f) => [f], ok: hasCommand('lua5.4'), missing: 'lua5.4 not on PATH' },
    { name: 'moonforge', cmd: node, args: (f) => [join(ROOT, 'bin', 'moonforge.mjs'), 'run', f], warmup: true,
      ok: moonforgeBuilt, missing: moonforgeMissing, isMoonforge: true },
    { name: 'moonforge-cold', cmd: node, args: (f) => [join(ROOT, 'bin', 'moonforge.mjs'), 'run', f], runs: coldRuns,
      env: { MOONFORGE_CACHE: 'off' }, ok: moonforgeBuilt, missing: moonforgeMissing, isMoonforge: true },
    { name: 'lua5.1', cmd: 'lua5.1', args: (f) => [f], ok: hasCommand('lua5.1'), missing: 'lua5.1 not on PATH' },
    { name: 'luajit', cmd: 'luajit', args: (f) => [f], ok: hasCommand('luajit'), missing: 'luajit not on PATH' },
    { name: 'wasmoon', cmd: node, args: (f) => [join(ROOT, 'bench', 'drivers', 'wasmoon.mjs'), f],
      ok: hasPackage('wasmoon'), missing: 'npm package wasmoon not installed (npm install)' },
    { name: 'fengari', cmd: node, args: (f) => [join(ROOT, 'bench', 'drivers', 'fengari.mjs'), f],
      ok: hasPackage('fengari'), missing: 'npm package fengari not installed (npm install)' },
  ];
}

function listBenchmarks(dir, only) {
  const all = readdirSync(dir).filter((f) => f.endsWith('.lua')).map((f) => f.slice(0, -4)).sort();
  if (!only) return all;
  for (const name of only) if (!all.includes(name)) fail(`no benchmark ${name}.lua in ${dir}`);
  return all.filter((n) => only.includes(n));
}

// One whole-process run: wall time from spawn to exit, with stdout/stderr captured.
function runOnce(rt, file, timeoutS) {
  const start = process.hrtime.bigint();
  const r = spawnSync(rt.cmd, rt.args(file), {
    cwd: ROOT,
    env: { ...process.env, ...(rt.env ?? {}) },
    encoding: 'latin1', // byte-exact comparison of outputs, whatever bytes a runtime prints
    maxBuffer: 64 * 1024 * 1024,
    timeout: timeoutS * 1000,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let error;
  if (r.error) error = r.error.code === 'ETIMEDOUT' ? `timed out after ${timeoutS} s` : String(r.error.message);
  else if (r.status !== 0) error = `exit ${r.status ?? r.signal}: ${firstLine(r.stderr)}`;
  return { seconds, stdout: r.stdout ?? '', error };
}

function firstLine(s) {
  return (s ?? '').split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
}

function firstDifference(expected, actual) {
  const e = expected.split('\n');
  const a = actual.split('\n');
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] !== a[i]) return `line ${i + 1}: expected ${JSON.stringify(e[i] ?? '<none>')}, got ${JSON.stringify(a[i] ?? '<none>')}`;
  }
  return 'outputs differ';
}

function fmtSeconds(s) {
  return s === undefined ? '-' : s.toFixed(2);
}

function fmtRatio(r) {
  return r === undefined ? '-' : `${r.toFixed(2)}x`;
}

function main() {
  const opts = parseOptions(process.argv.slice(2));
  const machine = describeMachine();
  const benchmarks = listBenchmarks(opts.dir, opts.only);
  let runtimes = defineRuntimes(opts.coldRuns);
  if (opts.runtimes) {
    const known = runtimes.map((r) => r.name);
    for (const n of opts.runtimes) if (!known.includes(n)) fail(`unknown runtime ${n} (known: ${known.join(', ')})`);
    runtimes = runtimes.filter((r) => r.name === REFERENCE || opts.runtimes.includes(r.name));
  }
  const notes = [];
  for (const rt of runtimes) if (!rt.ok) notes.push(`skipped ${rt.name}: ${rt.missing}`);
  const active = runtimes.filter((r) => r.ok);
  const reference = active.find((r) => r.name === REFERENCE);
  if (!reference) notes.push(`no ${REFERENCE}: outputs are not checked and no ratios are computed`);

  process.stderr.write(`${formatMachine(machine)}\n`);
  for (const n of notes) process.stderr.write(`note: ${n}\n`);

  // results[bench][runtime] = { times, median, status: 'ok' | 'mismatch' | 'error', detail }
  const results = {};
  for (const bench of benchmarks) {
    const file = relative(ROOT, resolve(opts.dir, `${bench}.lua`));
    const perRt = {};
    results[bench] = perRt;
    for (const rt of active) {
      perRt[rt.name] = { times: [], outputs: [], errors: [] };
      if (rt.warmup) runOnce(rt, file, opts.timeout); // untimed: fills moonforge's compile cache
    }
    // Runs are interleaved across runtimes so that drift in machine load touches every runtime alike.
    const rounds = Math.max(opts.runs, ...active.map((r) => r.runs ?? opts.runs));
    for (let i = 0; i < rounds; i++) {
      for (const rt of active) {
        if (i >= (rt.runs ?? opts.runs)) continue;
        const r = runOnce(rt, file, opts.timeout);
        const cell = perRt[rt.name];
        if (r.error) cell.errors.push(r.error);
        else cell.times.push(r.seconds);
        cell.outputs.push(r.stdout);
        process.stderr.write(`${bench} ${rt.name} run ${i + 1}: ${r.error ? `error (${r.error})` : `${r.seconds.toFixed(3)} s`}\n`);
      }
    }
    const refOut = reference ? perRt[REFERENCE].outputs[0] : undefined;
    for (const rt of active) {
      const cell = perRt[rt.name];
      cell.median = median(cell.times);
      if (cell.errors.length) { cell.status = 'error'; cell.detail = cell.errors[0]; }
      else if (refOut !== undefined && cell.outputs.some((o) => o !== refOut)) {
        cell.status = 'mismatch';
        cell.detail = firstDifference(refOut, cell.outputs.find((o) => o !== refOut));
      } else cell.status = 'ok';
      if (rt.name !== REFERENCE && reference && cell.median !== undefined && perRt[REFERENCE].median !== undefined) {
        cell.ratio = cell.median / perRt[REFERENCE].median;
      }
    }
  }

  report({ opts, machine, benchmarks, active, results, notes, reference });
}

function report({ opts, machine, benchmarks, active, results, notes, reference }) {
  const mark = (cell) => (cell.status === 'mismatch' ? ' (wrong)' : cell.status === 'error' ? ' (error)' : '');
  const names = active.map((r) => r.name);

  const timeRows = benchmarks.map((b) => [b, ...names.map((n) => fmtSeconds(results[b][n].median) + mark(results[b][n]))]);
  const coldNote = names.includes('moonforge-cold')
    ? ` (moonforge-cold: cache off, ${opts.coldRuns === 1 ? 'one run' : `median of ${opts.coldRuns}`})` : '';
  console.log(`\nWhole-process wall time in seconds, median of ${opts.runs}${coldNote}`);
  console.log(renderTable(['benchmark', ...names], timeRows));

  const geomean = {};
  if (reference) {
    const others = names.filter((n) => n !== REFERENCE);
    const ratioRows = benchmarks.map((b) => [b, fmtSeconds(results[b][REFERENCE].median),
      ...others.map((n) => fmtRatio(results[b][n].ratio) + mark(results[b][n]))]);
    for (const n of others) geomean[n] = geometricMean(benchmarks.map((b) => results[b][n].ratio));
    ratioRows.push(['geometric mean', '1.00x', ...others.map((n) => fmtRatio(geomean[n]))]);
    console.log(`\nRatio to ${REFERENCE} (lower is faster; the ${REFERENCE} column is its time in seconds)`);
    console.log(renderTable(['benchmark', `${REFERENCE} s`, ...others], ratioRows));
  }

  const problems = [];
  for (const b of benchmarks) {
    for (const n of names) {
      const cell = results[b][n];
      if (cell.status !== 'ok') problems.push({ bench: b, runtime: n, status: cell.status, detail: cell.detail });
    }
  }
  if (problems.length) {
    console.log(`\nOutputs that differ from ${REFERENCE}'s, or runs that failed:`);
    for (const p of problems) console.log(`  ${p.runtime} ${p.bench}: ${p.status}: ${p.detail}`);
  } else if (reference) {
    console.log(`\nAll outputs agree with ${REFERENCE}'s.`);
  }

  const moonforgeRan = active.some((r) => r.name === 'moonforge');
  if (moonforgeRan && reference) {
    const worst = Math.max(...benchmarks.map((b) => results[b].moonforge.ratio ?? Infinity));
    const g = geomean.moonforge;
    console.log(`\nmoonforge targets: geometric mean ${fmtRatio(g)} (target <= ${TARGET_GEOMEAN}x: ${g <= TARGET_GEOMEAN ? 'met' : 'NOT met'}), ` +
      `worst ${fmtRatio(worst)} (target <= ${TARGET_MAX}x: ${worst <= TARGET_MAX ? 'met' : 'NOT met'})`);
  }
  for (const n of notes) console.log(`note: ${n}`);
  console.log(`machine: ${formatMachine(machine)}`);

  if (opts.json) {
    const benchOut = {};
    for (const b of benchmarks) {
      benchOut[b] = {};
      for (const n of names) {
        const { times, median: med, ratio, status, detail } = results[b][n];
        benchOut[b][n] = { times, median: med, ratio, status, detail };
      }
    }
    writeFileSync(opts.json, `${JSON.stringify({ machine, runs: opts.runs, reference: REFERENCE, notes,
      benchmarks: benchOut, geomean, targets: { geomean: TARGET_GEOMEAN, max: TARGET_MAX } }, null, 2)}\n`);
    console.log(`wrote ${opts.json}`);
  }

  let moonforgeBad = problems.some((p) => p.runtime.startsWith('moonforge'));
  if (opts.compile && !opts.only) {
    // Compile throughput is part of the same targets; it runs in its own process after the CPU benchmarks.
    console.log('');
    const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'compile-throughput.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) moonforgeBad = true;
  }
  process.exitCode = moonforgeBad ? 1 : 0;
}

main();

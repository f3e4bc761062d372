// npm run bench:actors — the actor benchmarks of issue 4, moonforge (Lua processes on the real-time scheduler) beside
// Erlang (erl +S 1) in one run: ping-pong, a ring of 503 processes, spawn + EXIT notice; then the memory of 100,000
// idle processes blocked on their inbox (heap delta after a GC; the script re-runs itself with --expose-gc for that).
// Then (issue 5) ping-pong with the permission check deciding against ten glob policies, beside the allow-all runtime
// (CPU-time rates of back-to-back pairs, median of the per-pair cost, at least 15 pairs).
// Options: see HELP below (--quick, --rounds N, --only LIST, --no-erlang, --security-only).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LUA } from './programs.lua.mjs';
import { importBundledHarness } from '../lib/bundled-harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const HELP = `usage: node bench/actors/run.mjs [options]
  --quick          smaller counts (ping-pong 50k round trips, ring 200k hops, 20k spawns)
  --rounds N       median of N timed rounds (default 3)
  --warmup N       untimed moonforge rounds before the timed ones (default 1; the compiled Lua loop of a benchmark
                   deoptimizes when its exit branch first runs, at the end of the first round, and V8 recompiles it
                   during the next, so with 1 the first timed round is usually the slow one)
  --only LIST      comma-separated subset of pingpong,ring,spawnexit,security,idle (default: all)
  --no-erlang      moonforge figures only (no Erlang run, no ratios)
  --security-only  just the policy-cost measurement (same as --only security)
  --help           this text`;
if (argv.includes('--help')) {
  console.log(HELP);
  process.exit(0);
}
const onlyAt = argv.indexOf('--only');
const ONLY = new Set(onlyAt >= 0 ? String(argv[onlyAt + 1]).split(',') : ['pingpong', 'ring', 'spawnexit', 'security', 'idle']);
if (argv.includes('--security-only')) ONLY.clear(), ONLY.add('security');
const ERLANG = !argv.includes('--no-erlang');
const quick = argv.includes('--quick');
const roundsAt = argv.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(argv[roundsAt + 1]) : 3;
const warmupAt = argv.indexOf('--warmup');
const WARMUP = warmupAt >= 0 ? Number(argv[warmupAt + 1]) : 1;
const PP = quick ? 50_000 : 300_000; // round trips (2 messages each)
const RING = 503;
const HOPS = quick ? 200_000 : 1_000_000;
const SPAWNS = quick ? 20_000 : 100_000;
const IDLE = 100_000;

async function loadHarness() {
  return importBundledHarness(join(here, 'harness.ts'), mkdtempSync(join(tmpdir(), 'mf-actors-')));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function moonforge(h) {
  const entries = await h.loadEntries(LUA);
  const rt = h.createRuntime(entries);
  const time = async (id, args, count) => {
    for (let i = 0; i < WARMUP; i++) await h.runRoot(rt, id, args); // warm-up rounds (JIT), not timed
    const rates = [];
    for (let i = 0; i < ROUNDS; i++) {
      const { ms } = await h.runRoot(rt, id, args);
      rates.push(count / (ms / 1000));
    }
    return median(rates);
  };
  const res = {};
  if (ONLY.has('pingpong')) res.pingpong = await time('bench:pingpong', [PP], 2 * PP);
  if (ONLY.has('ring')) res.ring = await time('bench:ring', [RING, HOPS], HOPS);
  if (ONLY.has('spawnexit')) res.spawnexit = await time('bench:spawnexit', [SPAWNS], SPAWNS);
  rt.shutdown();
  return res;
}

/**
 * Issue 5: ping-pong with every check deciding against ten glob policies under strict mode, beside the allow-all
 * runtime, rounds interleaved so both see the same machine state. Returns both medians.
 */
async function securedPingPong(h) {
  const entries = await h.loadEntries(LUA);
  const plain = h.createRuntime(entries);
  const secured = h.createRuntime(entries, true);
  const opts = { security: h.benchSecurity() };
  await h.runRoot(plain, 'bench:pingpong', [PP]);
  await h.runRoot(secured, 'bench:pingpong', [PP], opts);
  const a = [];
  const b = [];
  const costs = [];
  // The cost is a small difference of two rates that other work on the machine makes noisy: it is measured in CPU
  // time (process.cpuUsage: time the process was descheduled does not count), per back-to-back pair (a pair sees the
  // same machine state), over more rounds than the other benchmarks, and the order in a pair alternates.
  const cpuRate = async (rt, o) => {
    const c0 = process.cpuUsage();
    await h.runRoot(rt, 'bench:pingpong', [PP], o);
    const c = process.cpuUsage(c0);
    return (2 * PP) / ((c.user + c.system) / 1e6);
  };
  for (let i = 0; i < Math.max(ROUNDS, 15); i++) {
    let p;
    let q;
    if (i % 2 === 0) {
      p = await cpuRate(plain);
      q = await cpuRate(secured, opts);
    } else {
      q = await cpuRate(secured, opts);
      p = await cpuRate(plain);
    }
    a.push(p);
    b.push(q);
    costs.push((p / q - 1) * 100);
  }
  plain.shutdown();
  secured.shutdown();
  return { plain: median(a), secured: median(b), cost: median(costs) };
}

function erlang() {
  const dir = mkdtempSync(join(tmpdir(), 'mf-erl-'));
  execFileSync('erlc', ['-o', dir, join(here, 'actors.erl')]);
  const rates = { pingpong: [], ring: [], spawnexit: [] };
  for (let i = 0; i < ROUNDS; i++) {
    const out = execFileSync('erl', ['+S', '1', '-noshell', '-pa', dir, '-eval', `actors:main([${PP},${RING},${HOPS},${SPAWNS}]), halt().`], {
      encoding: 'utf8',
    });
    for (const line of out.trim().split('\n')) {
      const [name, rate] = line.split(' ');
      rates[name].push(Number(rate));
    }
  }
  return Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, median(v)]));
}

/** In a child with --expose-gc: heap and RSS per idle process. */
async function idleMemory(h) {
  const entries = await h.loadEntries(LUA);
  const rt = h.createRuntime(entries);
  // Warm the code paths (one process spawned and parked) before the baseline.
  rt.spawn('bench:idle', h.HOST, []);
  await h.whenIdle(rt);
  globalThis.gc();
  globalThis.gc();
  const m0 = process.memoryUsage();
  for (let i = 0; i < IDLE; i++) rt.spawn('bench:idle', h.HOST, []);
  await h.whenIdle(rt);
  globalThis.gc();
  globalThis.gc();
  const m1 = process.memoryUsage();
  const procs = rt.node.procs.size;
  rt.shutdown();
  return { procs, heapPer: (m1.heapUsed - m0.heapUsed) / IDLE, rssPer: (m1.rss - m0.rss) / IDLE };
}

function printSecurity(sec) {
  const cost = sec.cost;
  console.log(
    `ping-pong with 10 glob policies (strict mode), CPU-time rates: ${fmt(sec.secured)}/s vs ${fmt(sec.plain)}/s allow-all: checks cost ${cost.toFixed(1)}% (median of paired rounds; target ≤ 10%) ${cost <= 10 ? 'met' : 'NOT met'}`,
  );
}

const fmt = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : `${(x / 1e3).toFixed(1)}k`);

if (argv.includes('--memory-child')) {
  const h = await loadHarness();
  process.stdout.write(JSON.stringify(await idleMemory(h)));
  process.exit(0);
}

const h = await loadHarness();
const kinds = ['pingpong', 'ring', 'spawnexit'].filter((k) => ONLY.has(k));
if (kinds.length > 0) {
  console.log(`moonforge${ERLANG ? ' vs Erlang (+S 1)' : ''}, median of ${ROUNDS} after ${WARMUP} warm-up round(s); ping-pong ${PP} round trips, ring ${RING} x ${HOPS} hops, ${SPAWNS} spawns`);
  const mf = await moonforge(h);
  const erl = ERLANG ? erlang() : undefined;
  const targets = { pingpong: 2, ring: 2, spawnexit: 1 };
  if (erl !== undefined) {
    console.log('| benchmark | moonforge /s | Erlang /s | ratio | target |');
    console.log('|---|---:|---:|---:|---:|');
  } else {
    console.log('| benchmark | moonforge /s |');
    console.log('|---|---:|');
  }
  for (const k of kinds) {
    if (erl === undefined) {
      console.log(`| ${k} | ${fmt(mf[k])} |`);
      continue;
    }
    const r = mf[k] / erl[k];
    console.log(`| ${k} | ${fmt(mf[k])} | ${fmt(erl[k])} | ${r.toFixed(2)}x | ≥ ${targets[k]}x ${r >= targets[k] ? 'met' : 'NOT met'} |`);
  }
}
if (ONLY.has('security')) printSecurity(await securedPingPong(h));
if (ONLY.has('idle')) {
  const mem = JSON.parse(
    execFileSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--memory-child'], { encoding: 'utf8', maxBuffer: 1 << 24 }),
  );
  console.log(
    `idle processes: ${mem.procs} alive; heap ${mem.heapPer.toFixed(0)} B/process, RSS ${mem.rssPer.toFixed(0)} B/process (target ≤ 1024 B heap) ${mem.heapPer <= 1024 ? 'met' : 'NOT met'}`,
  );
}

// npm run bench:workers — issue 16's figures for worker-thread hosts, with the built CLI (dist/; `node
// esbuild.config.mjs` first): (1) a CPU-bound pool (processes computing Adler-32 checksums of generated strings, jobs
// sent round-robin) on a process.host with `workers: 1` (today: everything on the main thread) against `workers: 2`
// (the pool on two worker threads): wall time of the pool phase (measured in Lua) and of the whole run, CPU of the OS
// process and of its busiest thread (Linux /proc), median of --rounds; and where each thread's time went during the
// pool phase (/proc/PID/task/TID/schedstat, read when Lua marks the phase's start and end): running, waiting on the
// run queue for a core (the machine's load, and this process's own threads competing), and idle (waiting for work);
// (2) ping-pong message rate between two processes on one thread against two processes on two workers, beside the
// floor of the platform: two bare worker threads bouncing one transferred buffer over a MessagePort, in the same run.
// The load average is printed with the figures: on a shared machine a second core is only there when it is idle.
import { spawn } from 'node:child_process';
import { Worker, MessageChannel } from 'node:worker_threads';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', '..', 'bin', 'moonforge.mjs');
const argv = process.argv.slice(2);
if (argv.includes('--help')) {
  console.log(`usage: node bench/workers/run.mjs [--quick] [--rounds N]
  --quick     fewer jobs and round trips
  --rounds N  median of N runs of each configuration (default 3)
  --only X    pool or pingpong`);
  process.exit(0);
}
const quick = argv.includes('--quick');
const onlyAt = argv.indexOf('--only');
const ONLY = onlyAt >= 0 ? argv[onlyAt + 1] : undefined;
const roundsAt = argv.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(argv[roundsAt + 1]) : 3;
const JOBS = quick ? 64 : 320;
const PROCS = 8;
const TRIPS = quick ? 20_000 : 100_000;

const CHECKSUM = `
local function adler(s)
  local a, b = 1, 0
  for i = 1, #s do
    a = (a + string.byte(s, i)) % 65521
    b = (b + a) % 65521
  end
  return b * 65536 + a
end
local function main()
  local inbox = process.inbox()
  while true do
    local m = inbox:receive()
    local job = m:payload():data()
    local s = string.rep(string.char(job % 251, (job * 7) % 256, 65 + job % 26, 48 + job % 10), 16384)
    local sum = 0
    for _ = 1, 4 do sum = (sum + adler(s)) % 4294967296 end
    process.send(m:from(), "done", { job = job, sum = sum })
  end
end
return { main = main }`;

const POOL_MAIN = `
local time = require("time")
local function main(procs, jobs)
  procs, jobs = tonumber(procs), tonumber(jobs)
  -- the harness reads every thread's schedstat when it sees each mark
  io.write("phase start\\n")
  io.flush()
  local t0 = time.now():unix_nano()
  local pool = {}
  for i = 1, procs do pool[i] = process.spawn("app:checksum", "app:pool") end
  for j = 1, jobs do process.send(pool[(j - 1) % procs + 1], "job", j) end
  local inbox = process.inbox()
  local total = 0
  for _ = 1, jobs do total = (total + inbox:receive():payload():data().sum) % 4294967296 end
  local ns = time.now():unix_nano() - t0
  io.write("phase end\\n")
  io.flush()
  print("checksum", total)
  print("ns", ns)
  return 0
end
return { main = main }`;

const PONG = `
local function main()
  local inbox = process.inbox()
  while true do
    local m = inbox:receive()
    process.send(m:from(), "pong", m:payload():data())
  end
end
return { main = main }`;

const PING = `
local time = require("time")
local function main(host, trips, window, report)
  trips, window = tonumber(trips), tonumber(window)
  local peer = process.spawn("app:pong", host)
  local inbox = process.inbox()
  process.send(peer, "ping", 0)
  inbox:receive()
  local t0 = time.now():unix_nano()
  -- window 1: ping-pong; more: that many pings in flight, a new one per pong
  for i = 1, window do process.send(peer, "ping", i) end
  for i = window + 1, trips + window do
    inbox:receive()
    if i <= trips then process.send(peer, "ping", i) end
  end
  local ns = time.now():unix_nano() - t0
  process.send(report, "rate", ns)
end
return { main = main, modules = { "time" } }`;

const PP_MAIN = `
local function main(host, trips, window)
  process.spawn("app:ping", host, host, trips, window, process.pid())
  local ns = process.inbox():receive():payload():data()
  print("ns", ns)
  return 0
end
return { main = main }`;

function app(workers) {
  const dir = mkdtempSync(join(tmpdir(), 'mf-bench-workers-'));
  mkdirSync(join(dir, 'src'));
  const files = {
    '_index.yaml': `version: "1.0"
namespace: app
entries:
  - { name: pool, kind: process.host, workers: ${workers} }
  - { name: solo, kind: process.host }
  - { name: terminal, kind: terminal.host }
  - { name: main, kind: process.lua, source: file://main.lua, method: main, modules: [time, io] }
  - { name: checksum, kind: process.lua, source: file://checksum.lua, method: main }
  - { name: ppmain, kind: process.lua, source: file://ppmain.lua, method: main }
  - { name: ping, kind: process.lua, source: file://ping.lua, method: main, modules: [time] }
  - { name: pong, kind: process.lua, source: file://pong.lua, method: main }
`,
    'main.lua': POOL_MAIN,
    'checksum.lua': CHECKSUM,
    'ppmain.lua': PP_MAIN,
    'ping.lua': PING,
    'pong.lua': PONG,
  };
  for (const [n, t] of Object.entries(files)) writeFileSync(join(dir, 'src', n), t);
  return dir;
}

/** CPU seconds of /proc/PID[/task/TID]/stat (utime + stime, in clock ticks of 1/100 s). */
function cpuOf(statPath) {
  try {
    const f = readFileSync(statPath, 'latin1');
    const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Seconds running and waiting on the run queue of each thread of `pid` (/proc/PID/task/TID/schedstat), by tid. */
function schedOf(pid) {
  const out = new Map();
  let tids = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {}
  for (const tid of tids) {
    try {
      const [run, wait] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'latin1').split(' ').map(Number);
      out.set(tid, { run: run / 1e9, wait: wait / 1e9 });
    } catch {}
  }
  return out;
}

/**
 * Where each thread's time went between two schedstat readings `span` seconds apart: the main thread (tid = pid),
 * the `workers` threads that ran most besides it (the worker hosts), and every other thread together (V8's and
 * libuv's helpers: GC, compilation, I/O).
 */
function phaseOf(pid, workers, a, b, span) {
  const rows = [];
  for (const [tid, end] of b) {
    const start = a.get(tid) ?? { run: 0, wait: 0 };
    rows.push({ tid, run: end.run - start.run, wait: end.wait - start.wait });
  }
  const main = rows.find((r) => r.tid === String(pid)) ?? { run: 0, wait: 0 };
  const rest = rows.filter((r) => r.tid !== String(pid)).sort((x, y) => y.run - x.run);
  const top = rest.slice(0, workers);
  const others = rest.filter((r) => !top.includes(r)).reduce((t, r) => t + r.run, 0);
  const idle = (r) => Math.max(0, span - r.run - r.wait);
  return { main: { run: main.run, wait: main.wait, idle: idle(main) }, workers: top.map((r) => ({ run: r.run, wait: r.wait, idle: idle(r) })), others };
}

/**
 * One run of the CLI: its stdout, wall seconds, CPU seconds of the whole OS process and of its busiest thread (the
 * CPU time on the critical path, which is what the wall time would be with a free core per thread: this machine is
 * shared, so the wall time says as much about the others' load as about the run). Threads are sampled from /proc
 * every 20 ms; the last sample before the exit is taken.
 */
async function run(dir, exec, args) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [cli, 'run', dir, '-x', exec, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  // schedstat at the pool phase's marks (read as the mark arrives: a pipe's delay, well under a millisecond)
  const marks = [];
  child.stdout.setEncoding('latin1');
  child.stdout.on('data', (d) => {
    out += d;
    if (d.includes('phase ')) marks.push({ at: performance.now(), sched: schedOf(child.pid) });
  });
  let total = 0;
  const threads = new Map();
  const sample = () => {
    const t = cpuOf(`/proc/${child.pid}/stat`);
    if (t !== undefined) total = t;
    let tids = [];
    try {
      tids = readdirSync(`/proc/${child.pid}/task`);
    } catch {}
    for (const tid of tids) {
      const c = cpuOf(`/proc/${child.pid}/task/${tid}/stat`);
      if (c !== undefined) threads.set(tid, c);
    }
  };
  const timer = setInterval(sample, 20);
  const code = await new Promise((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`${exec} exited with ${code}`);
  const phase = (workers) => phaseOf(child.pid, workers, marks[0].sched, marks[1].sched, (marks[1].at - marks[0].at) / 1000);
  return { out, wall: (performance.now() - t0) / 1000, cpu: total, busiest: Math.max(...threads.values()), phase: marks.length === 2 ? phase : undefined };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => readFileSync('/proc/loadavg', 'latin1').split(' ').slice(0, 3).join(' ');

console.log(`bench:workers  ${new Date().toISOString()}  load ${load()}  rounds ${ROUNDS}`);
const one = app(1);
const two = app(2);
// compile once (the compile cache) before timing
await run(one, 'app:main', ['1', '1']);
await run(two, 'app:main', ['1', '1']);
if (ONLY !== 'pingpong') await poolBench();
if (ONLY !== 'pool') await pingPongBench();

async function poolBench() {
const pool = { 1: [], 2: [] };
let sums = new Set();
for (let r = 0; r < ROUNDS; r++) {
  for (const [n, dir] of [[1, one], [2, two]]) {
    const x = await run(dir, 'app:main', [String(PROCS), String(JOBS)]);
    x.phase = x.phase?.(n === 1 ? 0 : n);
    sums.add(/checksum\t(\d+)/.exec(x.out)[1]);
    x.work = Number(/ns\t(\d+)/.exec(x.out)[1]) / 1e9;
    pool[n].push(x);
  }
}
if (sums.size !== 1) throw new Error(`the checksums differ between runs: ${[...sums].join(' / ')}`);
const w1 = median(pool[1].map((x) => x.wall));
const w2 = median(pool[2].map((x) => x.wall));
const c1 = median(pool[1].map((x) => x.cpu));
const c2 = median(pool[2].map((x) => x.cpu));
const b1 = median(pool[1].map((x) => x.busiest));
const b2 = median(pool[2].map((x) => x.busiest));
const p1 = median(pool[1].map((x) => x.work));
const p2 = median(pool[2].map((x) => x.work));
console.log(`checksum pool (${PROCS} processes, ${JOBS} jobs of 4 x Adler-32 over 64 KB):`);
console.log(`  workers: 1   pool wall ${p1.toFixed(2)} s   whole run: wall ${w1.toFixed(2)} s, cpu ${c1.toFixed(2)} s, busiest thread ${b1.toFixed(2)} s`);
console.log(`  workers: 2   pool wall ${p2.toFixed(2)} s   whole run: wall ${w2.toFixed(2)} s, cpu ${c2.toFixed(2)} s, busiest thread ${b2.toFixed(2)} s`);
console.log(`  speed-up: pool wall ${(p1 / p2).toFixed(2)}x, whole run wall ${(w1 / w2).toFixed(2)}x, busiest-thread cpu ${(b1 / b2).toFixed(2)}x   load now ${load()}`);
// the pool phase thread by thread, medians over the rounds: s running / waiting for a core / idle
const f2 = (x) => x.toFixed(2);
const cell = (xs, k) => `${f2(median(xs.map((x) => x.run)))} / ${f2(median(xs.map((x) => x.wait)))} / ${f2(median(xs.map((x) => x.idle)))}`;
console.log('  pool phase, each thread: s running / waiting on the run queue / idle (median of the rounds)');
for (const n of [1, 2]) {
  const ph = pool[n].map((x) => x.phase).filter((x) => x !== undefined);
  if (ph.length === 0) continue;
  const parts = [`main ${cell(ph.map((x) => x.main))}`];
  for (let k = 0; k < Math.max(...ph.map((x) => x.workers.length)); k++) {
    const ws = ph.map((x) => x.workers[k]).filter((x) => x !== undefined);
    parts.push(`worker ${k + 1} ${cell(ws)}`);
  }
  parts.push(`other threads ${f2(median(ph.map((x) => x.others)))} running`);
  console.log(`  workers: ${n}   ${parts.join('   ')}`);
}

}

async function pingPongBench() {
const rate = async (dir, host, window) => {
  const xs = [];
  for (let r = 0; r < ROUNDS; r++) {
    const { out } = await run(dir, 'app:ppmain', [host, String(TRIPS), String(window)]);
    const ns = Number(/ns\t(\d+)/.exec(out)[1]);
    xs.push((2 * TRIPS) / (ns / 1e9));
  }
  return median(xs);
};
const floor = async (window) => {
  const xs = [];
  for (let r = 0; r < ROUNDS; r++) xs.push(await portPingPong(TRIPS, window));
  return median(xs);
};
const fmtRate = (x) => Math.round(x).toLocaleString('en').padStart(11);
console.log(`ping-pong (${TRIPS} round trips), messages/s, median of ${ROUNDS}:`);
console.log('  in flight | same thread | across workers       | bare MessagePort between two threads');
for (const window of [1, 64]) {
  const same = await rate(two, 'app:solo', window);
  const cross = await rate(two, 'app:pool', window);
  const bare = await floor(window);
  const hop = (x) => `${(1e6 / x).toFixed(1)} µs a message`;
  console.log(`  ${String(window).padStart(9)} | ${fmtRate(same)} | ${fmtRate(cross)} (${(cross / same).toFixed(2)}x) | ${fmtRate(bare)}   ${window === 1 ? `(${hop(cross)} against ${hop(bare)})   ` : ''}load now ${load()}`);
}
}

/**
 * The platform's floor for ping-pong across threads: two bare worker threads (no moonforge) bounce messages over one
 * MessageChannel, each a transferred 64-byte buffer as the port transport sends, `window` in flight, the answer
 * posted from setImmediate as a woken process answers; messages/s over `trips` round trips.
 */
async function portPingPong(trips, window) {
  const code = `
const { workerData, parentPort } = require('node:worker_threads');
const { port, ping, trips, window } = workerData;
const post = () => {
  const b = new Uint8Array(64);
  port.postMessage(b, [b.buffer]);
};
let got = 0;
let t0 = 0;
port.on('message', () => {
  if (!ping) return void setImmediate(post);
  if (++got === trips + window - 1) return parentPort.postMessage((2 * trips) / ((performance.now() - t0) / 1000));
  if (got < trips) setImmediate(post);
});
parentPort.once('message', () => {
  t0 = performance.now();
  for (let i = 0; i < window; i++) post();
});`;
  const ch = new MessageChannel();
  const pong = new Worker(code, { eval: true, workerData: { port: ch.port2, ping: false, trips, window }, transferList: [ch.port2] });
  const ping = new Worker(code, { eval: true, workerData: { port: ch.port1, ping: true, trips, window }, transferList: [ch.port1] });
  await Promise.all([pong, ping].map((w) => new Promise((r) => w.once('online', r))));
  const result = new Promise((r) => ping.once('message', r));
  ping.postMessage('go');
  const r = await result;
  await Promise.all([ping.terminate(), pong.terminate()]);
  return r;
}

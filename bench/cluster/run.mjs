// npm run bench:cluster — issue 16's figures for a cluster over NATS, with the built CLI (dist/; `node
// esbuild.config.mjs` first): the programs of bench/cluster/app (ping-pong with a process on the other node; a ring
// of processes whose neighbours are on different nodes, several tokens in flight; a one-way stream of messages) on
// two moonforge nodes joined through a nats-server on loopback, and the same programs (bench.erl) on two Erlang nodes
// (`erl -sname`, distribution over TCP on loopback; epmd started as needed). Prints each program's rate on both,
// the ratio, and the load average: the machine is shared, so compare the two columns of one run, not runs. Each
// round also times ping-pong with the bare NATS client (nats-floor.mjs), the ceiling of any ping-pong over NATS, and
// over a bare TCP and Unix socket between two Node processes (socket-floor.mjs), the ceiling of any Node transport.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { hostname, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', '..', 'bin', 'moonforge.mjs');
const app = join(here, 'app');
const argv = process.argv.slice(2);
if (argv.includes('--help')) {
  console.log(`usage: node bench/cluster/run.mjs [--quick] [--rounds N]
  --quick     fewer messages
  --rounds N  median of N runs of each side (default 3)`);
  process.exit(0);
}
const quick = argv.includes('--quick');
const roundsAt = argv.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(argv[roundsAt + 1]) : 3;
// ping-pong round trips; ring members, tokens in flight, hops per token; streamed messages
const PARAMS = quick ? [2000, 20, 10, 200, 20000] : [20000, 100, 20, 1000, 200000];

function need(bin, args, what) {
  const r = spawnSync(bin, args, { encoding: 'utf8' });
  if (r.error !== undefined) {
    console.error(`bench:cluster needs ${what} ('${bin}' not found)`);
    process.exit(2);
  }
}
need(process.env.NATS_SERVER ?? 'nats-server', ['--version'], 'nats-server (apt-get install nats-server)');
need('erl', ['-noshell', '-eval', 'halt().'], 'Erlang (apt-get install erlang-base)');
need('erlc', ['-help'], 'erlc');

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
const reachable = (port) =>
  new Promise((resolve) => {
    const c = connect(port, '127.0.0.1');
    c.on('connect', () => (c.destroy(), resolve(true)));
    c.on('error', () => resolve(false));
  });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs a command to its end; its stdout, or an error with its stderr. */
function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const c = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let out = '';
    let err = '';
    c.stdout.on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (err += d));
    c.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${err}${out}`))));
  });
}

/** NAME COUNT MICROSECONDS lines -> { NAME: messages per second } (ping-pong: round trips per second). */
function rates(out) {
  const r = {};
  for (const line of out.split('\n')) {
    const m = /^(pingpong|ring|stream|floor|tcpfloor|unixfloor)\s+(\d+)\s+(\d+)$/.exec(line.trim().replace(/\t/g, ' '));
    if (m) r[m[1]] = Number(m[2]) / (Number(m[3]) / 1e6);
  }
  return r;
}

async function moonforgeRound(url) {
  const common = ['--cluster', url, '--cluster-name', 'bench'];
  const b = spawn(process.execPath, [cli, 'run', app, '--node', 'b', ...common], { stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    const out = await run(process.execPath, [cli, 'run', app, '--node', 'a', ...common, '--cluster-expect', '2', '-x', 'app:main', ...PARAMS.map(String)]);
    return rates(out);
  } finally {
    b.kill('SIGTERM');
    await new Promise((r) => (b.exitCode !== null ? r() : b.on('exit', r)));
  }
}

async function erlangRound(dir) {
  const host = hostname().split('.')[0];
  const cookie = ['-setcookie', 'mfbench'];
  const b = spawn('erl', ['-sname', 'mfbench_b', ...cookie, '-noshell', '-pa', dir], { stdio: ['pipe', 'ignore', 'inherit'] });
  try {
    // node b registers with epmd as it starts; a pings it until it answers (main's net_adm:ping)
    for (let i = 0; ; i++) {
      try {
        const out = await run('erl', ['-sname', 'mfbench_a', ...cookie, '-noshell', '-pa', dir, '-run', 'bench', 'main', `mfbench_b@${host}`, ...PARAMS.map(String)]);
        return rates(out);
      } catch (e) {
        if (i >= 20) throw e;
        await sleep(250);
      }
    }
  } finally {
    b.kill('SIGKILL');
  }
}

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

const nats = await freePort();
const server = spawn(process.env.NATS_SERVER ?? 'nats-server', ['-a', '127.0.0.1', '-p', String(nats)], { stdio: 'ignore' });
try {
  while (!(await reachable(nats))) await sleep(20);
  spawnSync('epmd', ['-daemon']);
  const dir = mkdtempSync(join(tmpdir(), 'mf-bench-erl-'));
  await run('erlc', ['-o', dir, join(here, 'bench.erl')]);
  const load0 = loadavg()[0];
  const mf = [];
  const erl = [];
  const floor = [];
  for (let i = 0; i < ROUNDS; i++) {
    mf.push(await moonforgeRound(`nats://127.0.0.1:${nats}`));
    erl.push(await erlangRound(dir));
    floor.push({
      ...rates(await run(process.execPath, [join(here, 'nats-floor.mjs'), `nats://127.0.0.1:${nats}`, String(PARAMS[0])])),
      ...rates(await run(process.execPath, [join(here, 'socket-floor.mjs'), 'tcp', String(PARAMS[0])])),
      ...rates(await run(process.execPath, [join(here, 'socket-floor.mjs'), 'unix', String(PARAMS[0])])),
    });
  }
  const load1 = loadavg()[0];
  const rows = [
    ['pingpong', 'ping-pong round trips/s'],
    ['ring', `ring hops/s (${PARAMS[1]} members, ${PARAMS[2]} tokens)`],
    ['stream', 'one-way stream msgs/s'],
  ];
  console.log(`bench:cluster ${new Date().toISOString()} median of ${ROUNDS}, load ${load0.toFixed(2)} -> ${load1.toFixed(2)}, ${PARAMS.join('/')}`);
  console.log(`${'program'.padEnd(40)} ${'moonforge (NATS)'.padStart(17)} ${'Erlang dist'.padStart(12)} ${'ratio'.padStart(6)}`);
  for (const [k, label] of rows) {
    const a = median(mf.map((r) => r[k]));
    const b = median(erl.map((r) => r[k]));
    console.log(`${label.padEnd(40)} ${Math.round(a).toString().padStart(17)} ${Math.round(b).toString().padStart(12)} ${(a / b).toFixed(2).padStart(6)}`);
  }
  // nats-floor.mjs: the bare client's round trip, the most any moonforge ping-pong over this server can reach
  const f = median(floor.map((r) => r.floor));
  const p = median(mf.map((r) => r.pingpong));
  console.log(`${'ping-pong, bare NATS client (floor)'.padEnd(40)} ${Math.round(f).toString().padStart(17)}   moonforge's ping-pong is ${(p / f).toFixed(2)}x of it`);
  // socket-floor.mjs: two Node processes over a bare socket, the floor of any transport between Node processes
  const e = median(erl.map((r) => r.pingpong));
  for (const [k, label] of [['tcpfloor', 'ping-pong, bare Node TCP socket'], ['unixfloor', 'ping-pong, bare Node Unix socket']]) {
    const v = median(floor.map((r) => r[k]));
    console.log(`${label.padEnd(40)} ${Math.round(v).toString().padStart(17)} ${Math.round(e).toString().padStart(12)} ${(v / e).toFixed(2).padStart(6)}`);
  }
} finally {
  server.kill('SIGTERM');
}

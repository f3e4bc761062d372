// npm run bench:startup — start-up time of an app (issue 14): plain `node` on an empty script (the floor), `moonforge
// run APP -x ENTRY ARGS` with a warm compile cache, and the bundle `moonforge build APP -o OUT` writes (`node
// OUT/app.mjs -x ENTRY ARGS`, run from a folder outside the repository, so it finds no node_modules), in one run.
// Each is started in turn, round after round (the order rotates), and timed from outside: the time from the start to
// the first line on stdout (the figure the target is about: the bundle within 20 ms of the floor), to the exit, and
// the CPU time (user + system) the OS charged to it, read with bash's `times` after the command (Node reports no
// rusage of a child). Medians, and each command's median difference from the floor taken round by round, so a
// machine that drifts during the run moves both sides of a difference. Needs a built dist/ (`npm run build`).
// Issue 15's yardstick is also measured: one line, print("hi"), run as a plain script (`moonforge run one.lua`) and as
// the main of a process (`moonforge run APP -x app:main`, the app bench/lib/process-app.mjs writes, as `npm run bench
// -- --process` runs the benchmarks), and the process run's CPU over the script's is printed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROCESS_ENTRY, writeProcessApp } from '../lib/process-app.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const HELP = `usage: node bench/startup/run.mjs [options]
  --runs N         timed rounds (default 15; each round starts every command once)
  --app DIR        the app (default examples/ping-pong)
  --entry NS:NAME  the entry run as root (default app:main), followed by its arguments with --args
  --args A,B       the entry's arguments, comma-separated (default 1)
  --no-bundle      skip the bundle (no moonforge build)
  --help           this text`;

const argv = process.argv.slice(2);
if (argv.includes('--help')) {
  console.log(HELP);
  process.exit(0);
}
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const RUNS = Number(opt('--runs', '15'));
const APP = resolve(opt('--app', join(ROOT, 'examples/ping-pong')));
const ENTRY = opt('--entry', 'app:main');
const ARGS = opt('--args', '1').split(',').filter((a) => a !== '');
const CLI = join(ROOT, 'bin/moonforge.mjs');
if (!existsSync(join(ROOT, 'dist/cli.mjs'))) {
  console.error('bench/startup: dist/ is not built (npm run build)');
  process.exit(1);
}

// bash runs the command as its child, then writes its children's CPU times (`times`, second line) to fd 3.
const WRAPPER = '"$@"; status=$?; times >&3; exit $status';

function cpuSeconds(text) {
  const line = text.trim().split('\n')[1] ?? '';
  return line
    .trim()
    .split(/\s+/)
    .map((f) => /^(\d+)m([\d.]+)s$/.exec(f))
    .reduce((sum, m) => sum + (m ? Number(m[1]) * 60 + Number(m[2]) : NaN), 0);
}

/** One run: ms to the first line on stdout (to the exit when it prints none), ms to the exit, CPU ms. */
function timeOnce(cmd, cwd) {
  return new Promise((done, fail) => {
    const start = performance.now();
    let first;
    let out = '';
    let times = '';
    const child = spawn('bash', ['-c', WRAPPER, 'bash', ...cmd], { cwd, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    child.stdout.on('data', (b) => {
      if (first === undefined && b.includes(10)) first = performance.now() - start;
      out += b.toString('latin1');
    });
    let err = '';
    child.stderr.on('data', (b) => (err += b));
    child.stdio[3].on('data', (b) => (times += b));
    child.on('error', fail);
    child.on('close', (code) => {
      const exit = performance.now() - start;
      if (code !== 0) return fail(new Error(`${cmd.join(' ')} exited with ${code}: ${err.trim()}`));
      done({ first: first ?? exit, exit, cpu: cpuSeconds(times) * 1000, out });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kib = (file) => `${(statSync(file).size / 1024).toFixed(0)} KiB`;

const work = mkdtempSync(join(tmpdir(), 'moonforge-startup-'));
try {
  writeFileSync(join(work, 'empty.mjs'), '');
  const commands = [
    { name: 'node empty.mjs (floor)', cmd: ['node', 'empty.mjs'], cwd: work },
    { name: 'moonforge run (warm cache)', cmd: ['node', CLI, 'run', APP, '-x', ENTRY, ...ARGS], cwd: ROOT },
  ];
  const oneLine = join(work, 'one.lua');
  writeFileSync(oneLine, 'print("hi")\n');
  const oneLineApp = writeProcessApp(work, 'one-app', oneLine);
  const SCRIPT = commands.push({ name: 'one line: script', cmd: ['node', CLI, 'run', oneLine], cwd: ROOT }) - 1;
  const PROCESS = commands.push({ name: 'one line: process main', cmd: ['node', CLI, 'run', oneLineApp, '-x', PROCESS_ENTRY], cwd: ROOT }) - 1;
  let sizes = '';
  if (!argv.includes('--no-bundle')) {
    const out = join(work, 'bundle');
    const b = spawnSync('node', [CLI, 'build', APP, '-o', out], { cwd: ROOT, encoding: 'utf8' });
    if (b.status === 0 && existsSync(join(out, 'app.mjs'))) {
      commands.push({ name: 'bundle: node app.mjs', cmd: ['node', 'app.mjs', '-x', ENTRY, ...ARGS], cwd: out });
      const map = join(out, 'app.mjs.map');
      sizes = `bundle size: app.mjs ${kib(join(out, 'app.mjs'))}${existsSync(map) ? `, app.mjs.map ${kib(map)}` : ''}`;
    } else {
      sizes = `bundle: not measured (moonforge build failed: ${(b.stderr || b.stdout || String(b.error)).trim().split('\n')[0]})`;
    }
  }

  // warm-up (twice: the first run of an app compiles, and the code cache of the app-run path is made again by the
  // first run that does not, sdk/code-cache/load.ts): fills the caches and the OS's file cache; its outputs must agree
  const outputs = [];
  for (const c of commands) outputs.push((await timeOnce(c.cmd, c.cwd)).out);
  for (const c of commands) await timeOnce(c.cmd, c.cwd);
  const bundled = commands.findIndex((c) => c.name.startsWith('bundle'));
  if (bundled >= 0 && outputs[1] !== outputs[bundled]) console.error(`bench/startup: the bundle's output differs from moonforge run's:\n${outputs[bundled]}---\n${outputs[1]}`);

  const samples = commands.map(() => []);
  for (let r = 0; r < RUNS; r++) {
    for (let k = 0; k < commands.length; k++) {
      const i = (r + k) % commands.length;
      samples[i][r] = await timeOnce(commands[i].cmd, commands[i].cwd);
    }
  }

  const [cores, load] = [availableParallelism(), loadavg().map((l) => l.toFixed(2)).join(' ')];
  console.log(`start-up of ${ENTRY} ${ARGS.join(' ')} in ${APP.startsWith(ROOT) ? APP.slice(ROOT.length + 1) : APP}: median of ${RUNS} runs; Node ${process.version}, ${cores} cores, load ${load}, ${new Date().toISOString().slice(0, 16)}Z`);
  console.log(`${'command'.padEnd(28)} ${'first line'.padStart(10)} ${'exit'.padStart(8)} ${'cpu'.padStart(8)}   ${'first line - floor'.padStart(18)} ${'cpu - floor'.padStart(11)} ${'ratio (first line)'.padStart(18)}`);
  const floor = samples[0];
  commands.forEach((c, i) => {
    const s = samples[i];
    const row = `${c.name.padEnd(28)} ${median(s.map((x) => x.first)).toFixed(1).padStart(8)}ms ${median(s.map((x) => x.exit)).toFixed(1).padStart(6)}ms ${median(s.map((x) => x.cpu)).toFixed(0).padStart(6)}ms`;
    if (i === 0) return console.log(row);
    const dFirst = median(s.map((x, r) => x.first - floor[r].exit));
    const dCpu = median(s.map((x, r) => x.cpu - floor[r].cpu));
    const ratio = median(s.map((x, r) => x.first / floor[r].exit));
    console.log(`${row}   ${`+${dFirst.toFixed(1)}ms`.padStart(18)} ${`+${dCpu.toFixed(0)}ms`.padStart(11)} ${`${ratio.toFixed(2)}x`.padStart(18)}`);
  });
  console.log('(the floor prints nothing: its first line is its exit)');
  const overScript = median(samples[PROCESS].map((x, r) => x.cpu - samples[SCRIPT][r].cpu));
  const ratio = median(samples[PROCESS].map((x, r) => x.cpu / samples[SCRIPT][r].cpu));
  console.log(`one line as a process's main over the same line as a script: +${overScript.toFixed(0)}ms CPU, ${ratio.toFixed(2)}x (round by round)`);
  if (sizes !== '') console.log(sizes);
} finally {
  rmSync(work, { recursive: true, force: true });
}

// `npm run bench:modules`: the cost of platform-module calls on the hot path of real apps — json.encode of a ~1 KB
// document and logger:info with fields (plus logger:debug below the level) — under moonforge, beside the same work in
// the reference (lua5.4 with the plain-Lua encoder and logger of this folder: what a Lua app without native modules
// runs; Wippy's own modules are Go) and the floor (V8's JSON.stringify on JS objects, bench/modules/floor.mjs).
// Every runtime runs each program in every round, in turn, so load drift hits all alike; the figure per call is the
// median over rounds of the CPU time the program measures around its loop (os.clock / process.cpuUsage), and the wall
// time is the whole process's. Log records go to /dev/null; moonforge writes them in the format named by --log-format.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine, formatMachine } from '../lib/machine.mjs';
import { median, renderTable } from '../lib/table.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '..', '..');
const PROGRAMS = ['json-encode', 'logger-info'];
const USAGE = `usage: node bench/modules/run.mjs [--rounds N] [--log-format json|console]
  --rounds N        rounds; each runs every program under every runtime once (default 5)
  --log-format F    the format of moonforge's log records (default json, as the reference writes JSON lines)`;

function parseOptions(argv) {
  const opts = { rounds: 5, logFormat: 'json' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--rounds') opts.rounds = Number(argv[++i]);
    else if (a === '--log-format') opts.logFormat = argv[++i];
    else if (a === '--help' || a === '-h') { console.log(USAGE); process.exit(0); }
    else { console.error(`bench/modules: unknown option ${a}\n${USAGE}`); process.exit(2); }
  }
  if (!Number.isInteger(opts.rounds) || opts.rounds < 1) { console.error('bench/modules: --rounds needs a positive integer'); process.exit(2); }
  return opts;
}

/** A one-entry app that runs `program` as the main of a process with the json and logger modules. */
function moonforgeApp(dir, program) {
  mkdirSync(join(dir, 'src'), { recursive: true });
  const body = readFileSync(join(HERE, `${program}.lua`), 'latin1');
  writeFileSync(join(dir, 'src', 'bench.lua'), `local json, logger, clock = require('json'), require('logger'), os.clock\nlocal function body()\n${body}\nend\nreturn { main = function() body() end }\n`, 'latin1');
  writeFileSync(join(dir, 'src', '_index.yaml'), [
    'version: "1.0"', 'namespace: bench', 'entries:',
    '  - name: terminal', '    kind: terminal.host',
    '  - name: main', '    kind: process.lua', '    source: file://bench.lua', '    method: main', '    modules: [json, logger]', '',
  ].join('\n'));
}

function runtimes(appDirs, logFormat) {
  const prelude = `json=dofile('${join(HERE, 'ref-json.lua')}') logger=loadfile('${join(HERE, 'ref-logger.lua')}')(json) clock=os.clock`;
  return {
    moonforge: (p) => ['node', [join(ROOT, 'bin', 'moonforge.mjs'), 'run', appDirs[p], '-x', 'bench:main'], { MOONFORGE_LOG_FORMAT: logFormat, MOONFORGE_LOG_LEVEL: 'info' }],
    'lua5.4': (p) => ['lua5.4', ['-e', prelude, join(HERE, `${p}.lua`)], {}],
    'floor (V8)': (p) => ['node', [join(HERE, 'floor.mjs'), p], {}],
  };
}

/** Runs one program once: its measured lines ("name ops=N cpu_ms=X") and the process's wall time. */
function runOnce([cmd, args, env]) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8', timeout: 600_000 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout}`);
  const lines = new Map();
  for (const m of r.stdout.matchAll(/^(\S+) ops=(\d+) cpu_ms=([\d.]+)/gm)) lines.set(m[1], Number(m[3]) * 1000 / Number(m[2]));
  if (lines.size === 0) throw new Error(`${cmd} printed no measurement:\n${r.stdout}`);
  return { lines, wall };
}

const opts = parseOptions(process.argv.slice(2));
const scratch = mkdtempSync(join(tmpdir(), 'moonforge-bench-modules-'));
try {
  const appDirs = {};
  for (const p of PROGRAMS) moonforgeApp((appDirs[p] = join(scratch, p)), p);
  const rts = runtimes(appDirs, opts.logFormat);
  const samples = new Map(); // "runtime|line" -> µs per call[]; "runtime|program" -> wall ms[]
  const add = (k, v) => samples.set(k, [...(samples.get(k) ?? []), v]);
  for (let round = 0; round < opts.rounds; round++) {
    for (const p of PROGRAMS) {
      for (const [name, make] of Object.entries(rts)) {
        const { lines, wall } = runOnce(make(p));
        for (const [line, us] of lines) add(`${name}|${line}`, us);
        add(`${name}|wall:${p}`, wall);
      }
    }
  }
  const lineNames = [...new Set([...samples.keys()].map((k) => k.split('|')[1]).filter((l) => !l.startsWith('wall:')))];
  const rows = lineNames.map((line) => {
    const us = Object.fromEntries(Object.keys(rts).map((r) => [r, median(samples.get(`${r}|${line}`) ?? [NaN])]));
    return [line, ...Object.values(us).map((v) => v.toFixed(2)), (us.moonforge / us['lua5.4']).toFixed(2) + 'x', (us.moonforge / us['floor (V8)']).toFixed(2) + 'x'];
  });
  console.log(formatMachine(describeMachine()));
  console.log(`\nCPU µs per call, median of ${opts.rounds} rounds (moonforge log format: ${opts.logFormat})\n`);
  console.log(renderTable(['call', ...Object.keys(rts), 'moonforge / lua5.4', 'moonforge / floor'], rows));
  const wallRows = PROGRAMS.map((p) => [p, ...Object.keys(rts).map((r) => median(samples.get(`${r}|wall:${p}`)).toFixed(0))]);
  console.log(`\nWall time of the whole process (ms, median; start-up included)\n`);
  console.log(renderTable(['program', ...Object.keys(rts)], wallRows));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

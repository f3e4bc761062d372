// node bench/inspector-page/profile.mjs [--trips N] [--mode page|stream|on|off] — run.mjs's companion: where the
// app's CPU goes with the inspector page open. It runs the ping-pong app of run.mjs once under `node --cpu-prof` with
// --inspect=0 and the page open in Chromium (or the event stream read here, or no client, or without the inspector),
// and from the V8 CPU profile of the app's process, over the ping-pong phase only (the samples from its first to its
// last in the app's Lua code), reports the CPU of that phase, the share of it in the inspector's code (every sample
// whose stack holds a frame of a dist/ chunk built from sdk/inspector/: the server's flushes with the renders, JSON and
// socket writes they make, requests, the recorder's hooks) and in the garbage collector, and the inspector's heaviest
// entry points. A hook V8 inlined into the runtime's delivery counts as the runtime's: run.mjs's 'on' against 'off'
// measures recording whole. One run, sampled each millisecond: rerun it before reading much into a few milliseconds.
// Needs a build (node esbuild.config.mjs) and Chromium.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const arg = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const TRIPS = Number(arg('--trips', 3_000_000));
const MODE = arg('--mode', 'page');
const CHROMIUM = process.env.MOONFORGE_CHROMIUM ?? '/usr/bin/chromium';
if (MODE === 'page' && !existsSync(CHROMIUM)) throw new Error(`needs Chromium at ${CHROMIUM} (apt-get install chromium)`);

// the chunks of dist/ built from the inspector's sources (their names carry esbuild's content hash)
const chunks = join(root, 'dist', 'chunks');
const inspectorChunks = new Set(
  readdirSync(chunks)
    .filter((f) => f.endsWith('.mjs.map'))
    .filter((f) => JSON.parse(readFileSync(join(chunks, f), 'utf8')).sources.some((s) => s.includes('sdk/inspector/')))
    .map((f) => f.slice(0, -'.map'.length)),
);
if (inspectorChunks.size === 0) throw new Error('no dist/ chunk holds sdk/inspector/: run node esbuild.config.mjs');

const dir = mkdtempSync(join(tmpdir(), 'inspector-profile-'));
const browser = MODE === 'page' ? await chromium.launch({ executablePath: CHROMIUM, headless: true }) : undefined;
const stream = new AbortController();
const args = ['--cpu-prof', `--cpu-prof-dir=${dir}`, join(root, 'bin/moonforge.mjs'), 'run', join(root, 'bench/inspector-page/app')];
if (MODE !== 'off') args.push('--inspect=0');
args.push('-x', 'app:main', String(TRIPS), '3s');
const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
let err = '';
let out = '';
let client;
child.stderr.setEncoding('utf8').on('data', async (d) => {
  err += d;
  const m = /inspector: (http:\S+)/.exec(err);
  if (!m || client) return;
  if (MODE === 'page') {
    client = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await client.goto(m[1]);
  } else if (MODE === 'stream') {
    client = true;
    const url = new URL(m[1]);
    url.pathname = '/api/events';
    fetch(url, { signal: stream.signal }).then(async (res) => { for await (const _ of res.body) ; }).catch(() => {});
  }
});
child.stdout.setEncoding('utf8').on('data', (d) => {
  out += d;
  // the run stays up while the inspector serves (a profile is written at a normal exit): end it by its signal
  if (/done/.test(out)) setTimeout(() => child.kill('SIGINT'), 500);
});
await new Promise((resolve) => child.on('exit', resolve));
stream.abort();
await browser?.close();
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
if (file === undefined) throw new Error(`no profile written:\n${err}`);
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
rmSync(dir, { recursive: true });

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const base = (url) => url.slice(url.lastIndexOf('/') + 1);
const isLua = (n) => /^main\$/.test(n.callFrame.functionName); // the app's compiled Lua functions
const isInspector = (n) => inspectorChunks.has(base(n.callFrame.url));
// the phase: from the first to the last sample in the app's Lua code
let first = -1;
let last = -1;
profile.samples.forEach((id, i) => {
  if (isLua(byId.get(id))) {
    if (first < 0) first = i;
    last = i;
  }
});
let busy = 0;
let inspector = 0;
let gc = 0;
const fns = new Map();
for (let i = first; i <= last; i++) {
  const node = byId.get(profile.samples[i]);
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  const name = node.callFrame.functionName;
  if (name === '(idle)') continue;
  busy += dt;
  if (name === '(garbage collector)') gc += dt;
  let top;
  for (let id = node.id; id !== undefined; id = parent.get(id)) if (isInspector(byId.get(id))) top = byId.get(id);
  if (top === undefined) continue;
  inspector += dt;
  const own = isInspector(node) ? node : top;
  const k = `${own.callFrame.functionName || '(anonymous)'} (${base(own.callFrame.url)}:${own.callFrame.lineNumber + 1})`;
  fns.set(k, (fns.get(k) ?? 0) + dt);
}
const pct = (x) => `${((100 * x) / busy).toFixed(1)}%`;
console.log(`${TRIPS} round trips, mode ${MODE}, ${out.trim().split('\n').pop()} (os.clock of the phase)`);
console.log(`profile of the phase: ${busy.toFixed(0)} ms busy; the inspector's code ${inspector.toFixed(1)} ms (${pct(inspector)}), ` +
  `the garbage collector ${gc.toFixed(1)} ms (${pct(gc)})`);
for (const [k, v] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${v.toFixed(1).padStart(7)} ms  ${k}`);

// npm run bench:inspector — what the inspector (docs/inspector.md) costs a busy app: ping-pong at full speed without
// the inspector, and with it listening and a page's event stream connected (a client in another process reading all
// it is sent), in back-to-back pairs (off, on, off, on, ...) in one process; per pair the ratio on/off of this
// process's CPU time (process.cpuUsage: the server's work included, the client's not) and of wall time; the medians
// are quoted. Options: --trips N (default 100000), --pairs N (default 9).
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LUA } from '../actors/programs.lua.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : dflt);
const TRIPS = opt('--trips', 100_000);
const PAIRS = opt('--pairs', 9);

const out = join(here, '..', '..', 'node_modules', '.cache', 'mf-bench-inspector');
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(here, 'harness.ts')],
  outfile: join(out, 'harness.mjs'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __mfCreateRequire } from 'node:module'; const require = __mfCreateRequire(import.meta.url);" },
});
const h = await import(pathToFileURL(join(out, 'harness.mjs')).href);
const list = await h.entries(LUA);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// warm-up: both paths compiled by V8 before anything is timed
await h.pingpong(list, TRIPS, false);
await h.pingpong(list, TRIPS, true);
const off = [];
const on = [];
for (let i = 0; i < PAIRS; i++) {
  off.push(await h.pingpong(list, TRIPS, false));
  on.push(await h.pingpong(list, TRIPS, true));
}
const cpuRatio = median(on.map((r, i) => r.cpuMs / off[i].cpuMs));
const wallRatio = median(on.map((r, i) => r.wallMs / off[i].wallMs));
const fmt = (xs, k) => `${median(xs.map((r) => r[k])).toFixed(0)} ms`;
console.log(`ping-pong, ${TRIPS} round trips (${2 * TRIPS} messages), ${PAIRS} pairs, medians:`);
console.log(`  inspector off:                  CPU ${fmt(off, 'cpuMs')}, wall ${fmt(off, 'wallMs')}`);
console.log(`  inspector on, stream connected: CPU ${fmt(on, 'cpuMs')}, wall ${fmt(on, 'wallMs')}, ${median(on.map((r) => r.bytes))} bytes streamed`);
console.log(`  on/off (median of the per-pair ratios): CPU ${cpuRatio.toFixed(2)}x, wall ${wallRatio.toFixed(2)}x`);

// Ping-pong off against on, in back-to-back pairs in one process: what a feature that watches the node (the
// inspector, tracing) costs a busy app. The caller's harness.ts is bundled by esbuild into node_modules/.cache (so
// packages left external, OpenTelemetry's, resolve from there) and must export `entries(LUA)` and
// `pingpong(list, trips, on)` resolving to `{ cpuMs, wallMs, ... }`. After one warm-up of each side, `pairs` pairs
// (off, on, off, on, ...) are run; the medians of each side and of the per-pair ratios on/off are returned.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importBundledHarness } from './bundled-harness.mjs';
import { LUA } from '../actors/programs.lua.mjs';

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Options of the form `--name N` from the command line. */
export function numberOption(name, dflt) {
  const argv = process.argv.slice(2);
  return argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : dflt;
}

export async function pairedPingpong({ harness, cacheName, external = [], trips, pairs }) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '.cache', cacheName);
  mkdirSync(out, { recursive: true });
  const h = await importBundledHarness(harness, out, { external });
  const list = await h.entries(LUA);
  // warm-up: both paths compiled by V8 before anything is timed
  await h.pingpong(list, trips, false);
  await h.pingpong(list, trips, true);
  const off = [];
  const on = [];
  for (let i = 0; i < pairs; i++) {
    off.push(await h.pingpong(list, trips, false));
    on.push(await h.pingpong(list, trips, true));
  }
  return {
    off,
    on,
    cpuRatio: median(on.map((r, i) => r.cpuMs / off[i].cpuMs)),
    wallRatio: median(on.map((r, i) => r.wallMs / off[i].wallMs)),
    /** the median of field `k` of `xs`, as "N ms" */
    ms: (xs, k) => `${median(xs.map((r) => r[k])).toFixed(0)} ms`,
  };
}

#!/usr/bin/env node
// The `moonforge` command: a thin launcher for the bundled CLI (dist/ ships in the package; in the repository
// `npm ci` builds it through the "dependencies" script, `npm run build` by hand).
import { setFlagsFromString } from 'node:v8';

// A script run (`run FILE.lua`) imports dist/run-file.mjs, the script runtime, when the CLI gets to it; imported after
// the CLI's own modules, as a second module graph, it cost ~3 ms more CPU than in the CLI's graph (paired, 30 pairs),
// where an app run must not have it (it runs its own copy, dist/app-run.cjs). So when the command line reads as a
// script run, both are imported at once here; a wrong guess only costs the time, never the outcome.
const [command, ...rest] = process.argv.slice(2);
const target = rest.find((a) => !a.startsWith('-'));
const scriptRun = command === 'run' && target !== undefined && /\.(lua|ts)$/.test(target);
const [{ main }] = await Promise.all([import('../dist/cli.mjs'), scriptRun ? import('../dist/run-file.mjs') : undefined]);

// V8 pretenures an allocation site (allocates its objects straight in the old generation) when most of them survive
// a scavenge. Lua programs build every list table `{a, b}` at one site per constructor, and a phase that keeps its
// tables (a tree being built) tenures a site that later phases use for garbage: a dead old list then keeps its young
// children alive through the remembered set until a full GC, every scavenge promotes whole trees, and the same
// program takes up to three times the CPU from one run to the next, depending on when the deciding scavenge fell
// (docs/benchmarks.md, "The cliff"). Set before any Lua runs; the decision is taken at run time, so this is in time.
setFlagsFromString('--no-allocation-site-pretenuring');

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`moonforge: internal error: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 70; },
);

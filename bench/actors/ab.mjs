// A/B of the actor benchmarks between two checkouts, in one Node process: each tree's harness (bench/actors/
// harness.ts) is bundled and loaded side by side, and their rounds alternate (A B, then B A), so both see the same
// machine state. Rates are measured in CPU time (process.cpuUsage: time the process was descheduled does not count)
// as well as wall time; the ratio A/B of CPU-time rates is taken per pair and its median reported. For "did this
// change slow message passing down" on a shared, noisy machine.
//
//   node bench/actors/ab.mjs TREE_A TREE_B [pingpong,ring,spawnexit] [PAIRS]
//
// A tree is a checkout with its sources (e.g. `git worktree add /tmp/before HEAD~3`); it needs no build.
import { importBundledHarness } from '../lib/bundled-harness.mjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [treeA, treeB, which = 'pingpong,ring,spawnexit', pairsArg = '9'] = process.argv.slice(2);
if (treeA === undefined || treeB === undefined) {
  console.error('usage: node bench/actors/ab.mjs TREE_A TREE_B [pingpong,ring,spawnexit] [PAIRS]');
  process.exit(2);
}
const PAIRS = Number(pairsArg);
const PP = 300_000;
const RING = 503;
const HOPS = 1_000_000;
const SPAWNS = 100_000;
const BENCH = {
  pingpong: ['bench:pingpong', [PP], 2 * PP],
  ring: ['bench:ring', [RING, HOPS], HOPS],
  spawnexit: ['bench:spawnexit', [SPAWNS], SPAWNS],
};

async function load(tree) {
  const out = mkdtempSync(join(tmpdir(), 'mf-ab-'));
  const h = await importBundledHarness(join(tree, 'bench/actors/harness.ts'), out, {
    logLevel: 'error',
    nodePaths: [join(resolve(import.meta.dirname, '../..'), 'node_modules')],
  });
  const { LUA } = await import(pathToFileURL(join(tree, 'bench/actors/programs.lua.mjs')).href);
  return { h, rt: h.createRuntime(await h.loadEntries(LUA)) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => `${(x / 1e6).toFixed(2)}M`;

const A = await load(resolve(treeA));
const B = await load(resolve(treeB));
for (const name of which.split(',')) {
  const bench = BENCH[name];
  if (bench === undefined) throw new Error(`unknown benchmark ${name}`);
  const [id, args, count] = bench;
  const round = async (side) => {
    const c0 = process.cpuUsage();
    const { ms } = await side.h.runRoot(side.rt, id, args);
    const c = process.cpuUsage(c0);
    return { cpu: count / ((c.user + c.system) / 1e6), wall: count / (ms / 1000) };
  };
  for (let i = 0; i < 2; i++) await round(A), await round(B); // warm-up: the JIT, not timed
  const a = [];
  const b = [];
  const ratio = [];
  for (let i = 0; i < PAIRS; i++) {
    let ra, rb;
    if (i % 2 === 0) (ra = await round(A)), (rb = await round(B));
    else (rb = await round(B)), (ra = await round(A));
    a.push(ra), b.push(rb), ratio.push(ra.cpu / rb.cpu);
  }
  console.log(
    `${name}: A ${fmt(median(a.map((r) => r.cpu)))}/s CPU, ${fmt(median(a.map((r) => r.wall)))}/s wall | ` +
      `B ${fmt(median(b.map((r) => r.cpu)))}/s CPU, ${fmt(median(b.map((r) => r.wall)))}/s wall | ` +
      `A/B CPU-time rate: median ${median(ratio).toFixed(3)} (min ${Math.min(...ratio).toFixed(3)}, max ${Math.max(...ratio).toFixed(3)}, ${PAIRS} pairs)`,
  );
}
process.exit(0);

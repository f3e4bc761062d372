// goto fuzzing (issue #10): random programs of labels, forward and backward gotos, locals captured by closures and
// `goto continue` loops (goto-gen.ts) must print what lua5.4 prints (lua5.1 has no goto; Wippy follows Lua 5.2+
// goto rules, see test/goto/), or fail to compile on both sides. moonforge's one documented limit, crossing jump
// regions (LUA1011, README "Non-goals"), is counted apart. FUZZ_GOTO_RUNS sets the count (default 150).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runReferenceLua } from '../support/reference-lua.js';
import { runScriptBatch } from '../support/script-batch.js';
import { gotoProgram } from './goto-gen.js';

const RUNS = Number(process.env.FUZZ_GOTO_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const BATCH = 200;

describe('goto programs against lua5.4', () => {
  it(`${RUNS} random goto programs agree (seed ${SEED})`, async () => {
    const programs = fc.sample(gotoProgram(), { numRuns: RUNS, seed: SEED });
    const counts = { same: 0, bothRejected: 0, crossing: 0, mismatch: 0, crash: 0 };
    const reports: string[] = [];
    for (let start = 0; start < programs.length; start += BATCH) {
      const slice = programs.slice(start, start + BATCH);
      const results = await runScriptBatch(Object.fromEntries(slice.map((code, i) => [`g${start + i}`, code])));
      slice.forEach((code, i) => {
        const name = `g${start + i}`;
        const ours = results[name];
        const ref = runReferenceLua(code, { lua: 'lua5.4' });
        const err = ours?.error ?? '';
        if (ours === undefined || /internal error|^\s+at .*\(/m.test(err)) {
          counts.crash++;
          reports.push(`${name}: crash ${err.split('\n')[0]}\n${code}`);
        } else if (err.includes('LUA1011')) counts.crossing++;
        else if (ref.status !== 0 && ours.error !== undefined) counts.bothRejected++;
        else if (ref.status === 0 && ours.error === undefined && ours.stdout === ref.stdout) counts.same++;
        else {
          counts.mismatch++;
          reports.push(`${name}: lua5.4 ${JSON.stringify(ref.stdout + ref.stderr.split('\n')[0])} moonforge ${JSON.stringify(ours.stdout + err.split('\n')[0])}\n${code}`);
        }
      });
    }
    if (reports.length > 0) console.log(reports.slice(0, 5).join('\n\n'));
    console.log(`goto fuzz: ${JSON.stringify(counts)} (seed ${SEED})`);
    expect({ mismatch: counts.mismatch, crash: counts.crash }).toEqual({ mismatch: 0, crash: 0 });
    // the programs must mostly run, or the fuzzer tests nothing
    expect(counts.same).toBeGreaterThan(RUNS / 3);
  }, Math.max(60_000, RUNS * 300));
});

// Differential fuzzing (issue #10): random terminating Lua 5.1 programs (lua-program-gen.ts) run under lua5.1 and
// under moonforge (compiled and run in one batch process, test/support/script-batch.ts) must print the same and
// fail the same way, and moonforge must never crash (internal error, JS stack, a compile error on valid Lua).
//
// CI runs a fixed slice (FUZZ_RUNS, default 150, FUZZ_SEED default 20261207). The full run:
//   FUZZ_RUNS=10000 FUZZ_SEED=<n> FUZZ_OUT=/tmp/fuzz npx vitest run test/fuzz/lua-differential.test.ts
// writes each mismatching program and both outputs to FUZZ_OUT.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runReferenceLua } from '../support/reference-lua.js';
import { runScriptBatch, type ChunkOutcome } from '../support/script-batch.js';
import { luaProgram } from './lua-program-gen.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const OUT = process.env.FUZZ_OUT;
const BATCH = 200;

interface Outcome {
  stdout: string;
  failed: boolean;
  detail: string;
  /** lua5.1 ran past its time limit (a rare program with nested loops and big output): nothing to compare */
  timedOut?: boolean;
}

function reference(code: string): Outcome {
  const r = runReferenceLua(code, { timeoutMs: 20_000 });
  return { stdout: r.stdout, failed: r.status !== 0, detail: r.stderr.split('\n')[0] ?? '', timedOut: r.timedOut };
}

function ours(o: ChunkOutcome | undefined): Outcome {
  if (o === undefined) return { stdout: '', failed: true, detail: 'no result (the batch host crashed)' };
  return { stdout: o.stdout, failed: o.error !== undefined, detail: o.error?.split('\n')[0] ?? '' };
}

/** A crash is moonforge failing in a way Lua never does: a JS exception or a diagnostic on valid Lua. */
function isCrash(o: ChunkOutcome | undefined): boolean {
  if (o === undefined) return true;
  const e = o.error ?? '';
  return /internal error|^\s+at .*\(|error LUA\d+/m.test(e);
}

describe('differential fuzzing against lua5.1', () => {
  it(`${RUNS} random programs print the same (seed ${SEED})`, async () => {
    const programs = fc.sample(luaProgram(), { numRuns: RUNS, seed: SEED });
    let mismatches = 0;
    let crashes = 0;
    let skipped = 0;
    const reports: string[] = [];
    for (let start = 0; start < programs.length; start += BATCH) {
      const slice = programs.slice(start, start + BATCH);
      const cases = Object.fromEntries(slice.map((code, i) => [`p${start + i}`, code]));
      let results: Record<string, ChunkOutcome> = {};
      try {
        results = await runScriptBatch(cases);
      } catch (e) {
        reports.push(`batch ${start}: ${(e as Error).message.slice(0, 300)}`);
      }
      slice.forEach((code, i) => {
        const name = `p${start + i}`;
        const want = reference(code);
        if (want.timedOut === true) {
          skipped++;
          return;
        }
        const got = ours(results[name]);
        const crash = isCrash(results[name]);
        if (!crash && got.stdout === want.stdout && got.failed === want.failed) return;
        if (crash) crashes++;
        else mismatches++;
        reports.push(`${name}: ${crash ? 'CRASH' : 'mismatch'} ours=${got.detail} lua=${want.detail}`);
        if (OUT !== undefined) {
          mkdirSync(OUT, { recursive: true });
          writeFileSync(join(OUT, `${name}.lua`), code, 'latin1');
          writeFileSync(join(OUT, `${name}.out`), `--- lua5.1\n${want.stdout}${want.detail}\n--- moonforge\n${got.stdout}${got.detail}\n`, 'latin1');
        }
      });
    }
    if (reports.length > 0) console.log(reports.slice(0, 50).join('\n'));
    console.log(`fuzz: ${programs.length} programs, ${mismatches} mismatches, ${crashes} crashes, ${skipped} skipped (lua5.1 timed out) (seed ${SEED})`);
    expect({ mismatches, crashes }).toEqual({ mismatches: 0, crashes: 0 });
  }, Math.max(60_000, RUNS * 200));
});

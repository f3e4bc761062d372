// Liveness (issue #10): a loop made of a backward goto is a loop like `while true do end`. In process mode its goto
// counts the budget (compiler/emit/goto.ts) and its function gets a generator twin (compiler/analyze), so it gives
// way to other processes and process.terminate ends it (as test/process/scheduling/fairness-busy.test.ts shows for loops).
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/index.js';
import { BUSY_ENDED, runBesideBusy } from '../support/process-harness.js';


describe('a goto loop in a process gives way and is terminated', () => {
  it('::top:: goto top', async () => {
    expect(await runBesideBusy('::top:: goto top')).toEqual(BUSY_ENDED);
  });

  it('a goto loop with work and a fresh local per pass', async () => {
    expect(await runBesideBusy('local n, keep = 0, nil ::again:: local c = n * 2 keep = function() return c end n = n + 1 goto again'))
      .toEqual(BUSY_ENDED);
  });

  it('a goto loop in a local function called from main (its only loop is the goto)', async () => {
    expect(await runBesideBusy('local function spin(n) ::top:: n = n + 1 if n > 0 then goto top end return n end spin(1)'))
      .toEqual(BUSY_ENDED);
  });

  it('a goto loop nested in a do block inside an if', async () => {
    expect(await runBesideBusy('local x = 1 if x then do ::l:: x = x + 1 goto l end end')).toEqual(BUSY_ENDED);
  });
});

describe('the budget check sits on backward gotos only, and only in process mode', () => {
  const src = 'local n = 0 ::a:: n = n + 1 if n < 10 then goto a end if n > 5 then goto b end n = 0 ::b:: return n';
  const code = (processMode: boolean): string => {
    const out = compile(`local function f() ${src} end return f`, { file: 'm.lua', chunkName: 'm.lua', processMode });
    if (!out.ok) throw new Error('compile failed');
    return out.code;
  };

  it('plain scripts carry no budget checks', () => {
    expect(code(false)).not.toContain('BUDGET.n');
  });

  it('process mode: the twin gives way at its entry and at the backward goto, not at the forward one', () => {
    expect(code(true).split('yield* preemptY()').length - 1).toBe(2);
  });
});

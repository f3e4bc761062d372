// A process that overflows the stack in a loop: each caught overflow unwinds thousands of frames (milliseconds) yet
// counted as one back-edge, and the scheduler ran 256 such slices before the host's timers got a turn (over a second
// between another process's wake-ups). Now a caught overflow empties the budget (runtime/core/errors.ts toLuaError,
// preempt.ts chargeAll) and a batch of slow slices ends after 10 ms (scheduler.ts BUSY_BATCH_MS).
import { describe, expect, it } from 'vitest';
import { BUDGET, BUDGET_SLICE } from '../../../runtime/core/preempt.js';
import { toLuaError } from '../../../runtime/core/errors.js';
import { tickBeside } from './real-time.js';

const OVERFLOW_LOOP = 'while true do pcall(function() local function r() return 1 + r() end r() end) end';

describe('stack overflow in a loop', () => {
  it('does not starve a sleeping process, and process.terminate ends it', async () => {
    const r = await tickBeside(OVERFLOW_LOOP, 40);
    expect(r.exited).toBe(true);
    expect(r.terminated).toBe(true);
    // one overflow takes 2-20 ms on a loaded machine; before, the sleeper waited over a second
    expect(r.maxGapMs).toBeLessThan(300);
  }, 60_000);

  it('a caught overflow empties the budget, so the next back-edge gives way', () => {
    BUDGET.n = BUDGET_SLICE;
    let overflow: unknown;
    const deep = (n: number): number => deep(n + 1) + 1;
    try {
      deep(0);
    } catch (e) {
      overflow = e;
    }
    expect(toLuaError(overflow).value).toMatch(/stack overflow$/);
    expect(BUDGET.n).toBe(0);
    BUDGET.n = BUDGET_SLICE;
  });
});

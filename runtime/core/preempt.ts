// Fairness for processes: generator twins compiled in process mode count down BUDGET at loop back-edges and, when it
// runs out, yield PREEMPT so the scheduler can run others (the BEAM's reductions). Outside a scheduler nothing
// counts down (plain scripts are compiled without the checks).
//
// The backstop: the plain versions of process-mode functions (run where nothing can yield: a metamethod, a library
// callback) and the pattern matcher count a budget of their own, BUDGET.p, and when it runs out they call
// BUDGET.out(), which empties the generator budget (the generator code around them gives way at its next check) and
// checks how long the running task has gone without giving way. Past BUDGET.limit milliseconds the task is ended with
// an error no pcall can catch (FatalLuaError): a loop that cannot give way would otherwise hang every process of the
// node. Two counters, because plain code refilling the one generator code counts would hide from it that it is due.
import { PREEMPT } from '../../abi/index.js';
import { FatalLuaError, luaError, setOverflowCharge } from './errors.js';
import { PURE, abortPure } from './pure-call.js';

/** Back-edges a task may run before giving way. */
export const BUDGET_SLICE = 2000;

/**
 * How long (ms) a task may run without giving way before the backstop ends it, unless the runtime is told otherwise
 * (ProcessRuntimeOptions.maxRunMs, .wippy.yaml `runtime.max_run_ms`). Code that can give way never comes near it (a
 * slice is ~2000 back-edges, well under a millisecond); only code running where nothing can yield (a metamethod, a
 * library callback) for that long meets it. 5 s lets honest non-yielding work finish (a plain sort of a million
 * elements with a Lua comparator takes ~0.3 s) and still bounds how long one process can freeze the node.
 */
export const DEFAULT_MAX_RUN_MS = 5000;

export const BUDGET = {
  /** generator code's budget: a twin gives way when it runs out */
  n: BUDGET_SLICE,
  /** plain code's budget (process-mode plain versions, the pattern matcher): BUDGET.out() when it runs out */
  p: BUDGET_SLICE,
  /**
   * when the backstop started timing the running task (performance.now()), 0 when it has not (a new slice). Made a
   * double from the start (-0 === 0): the first performance.now() stored into a small-integer field changed BUDGET's
   * map, and every optimized twin (each reads BUDGET.n) was deoptimized at once ("wrong map") the first time a copy ran
   * out of budget mid-run (leaveDue); the events program as a process main took 1.25x the CPU.
   */
  t: -0,
  /** the backstop's limit in ms, set by the scheduler for the task it runs; 0: no backstop (not in a scheduler) */
  limit: 0,
  /** plain process-mode code calls this when the budget runs out, where it cannot yield */
  out: budgetOut,
  /**
   * The memory guard's check for code that cannot give way (runtime/process/memory-guard.ts memoryCheck, installed
   * by the process runtime): the message that must end the running task, or undefined.
   */
  mem: undefined as (() => string | undefined) | undefined,
  /** set by chargeBig: the next memory check reads the heap at once */
  memDue: false,
};

/** The size (chars, i.e. bytes) from which a value a library function makes counts as big (see chargeBig). */
export const BIG_VALUE = 1 << 20;

/**
 * A library function made a big value (BIG_VALUE bytes or more): generator code gives way at its next check and plain
 * code calls BUDGET.out() at its next, whose memory check then reads the heap at once. A loop that makes a big value
 * per pass has few back-edges for much memory (a hundred passes of string.upper on 100 MB filled the heap within
 * one slice), so without this the memory guard would only see it when V8 gives up.
 */
export function chargeBig(): void {
  BUDGET.n = 0;
  BUDGET.p = 0;
  BUDGET.memDue = true;
}

/**
 * How long (ms) a transfer copy runs before its budget check leaves (runtime/core/transfer.ts). Leaving costs a frame
 * object and a resume form per copy on the JS stack (a recursion 25 deep pays 25 generators), so a copy does not leave
 * at every slice as generator code gives way: naive fib as a process main left every 2,000 calls and ran 1.7x the CPU
 * of the same copies leaving a hundred times less often. Well under the 20 ms within which another process's timer
 * must fire.
 */
export const COPY_SLICE_MS = 1;

/**
 * A transfer copy's budget ran out: whether it leaves to give way (its turn has run COPY_SLICE_MS, timed from the
 * first such check of the turn as the backstop times plain code, or the memory guard wants a look), else its budget
 * is refilled and it goes on.
 */
export function leaveDue(): boolean {
  if (BUDGET.memDue) return true;
  const now = performance.now();
  if (BUDGET.t === 0) BUDGET.t = now;
  else if (now - BUDGET.t >= COPY_SLICE_MS) return true;
  BUDGET.n = BUDGET_SLICE;
  return false;
}

export function* preemptY(): Generator<unknown, void, unknown> {
  BUDGET.n = BUDGET_SLICE;
  yield PREEMPT;
}

/**
 * Plain code ran a slice's worth: the generator code around it owes a turn, and the task is timed from the first such
 * call of its slice (reading the clock every BUDGET_SLICE steps costs nothing measurable) and ended past the limit.
 */
function budgetOut(): void {
  BUDGET.p = BUDGET_SLICE;
  BUDGET.n = 0;
  const over = BUDGET.mem?.();
  if (over !== undefined) {
    // a table grown in a loop that cannot give way would otherwise reach V8's limit before the time limit
    const e = luaError(over);
    throw new FatalLuaError(e.value, e.sites);
  }
  // a pure attempt that ran its slices is thrown away: the twin that runs the call again gives way
  if (PURE.on && --PURE.left <= 0) abortPure();
  const limit = BUDGET.limit;
  if (limit <= 0) return;
  const now = performance.now();
  if (BUDGET.t === 0) {
    BUDGET.t = now;
    return;
  }
  if (now - BUDGET.t <= limit) return;
  BUDGET.t = 0;
  const e = luaError(`process ran for more than ${limit} ms without giving way (it was stopped)`);
  throw new FatalLuaError(e.value, e.sites);
}

/**
 * Charges the running task for an expensive step that is not a back-edge (a caught stack overflow, a long pattern
 * match): empties the budget, so generator code gives way at its next check and plain code consults the backstop.
 */
export function chargeAll(): void {
  BUDGET.n = 0;
}

setOverflowCharge(chargeAll);

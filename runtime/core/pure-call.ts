// Pure calls from process-mode generator code (compiler/analyze FunctionInfo.pure): a function that assigns only its
// own locals, makes no closure and calls only pure functions leaves nothing behind, so generator code runs a call of it
// as plain JS (no generator per call) and, when the attempt has to give way (it ran PURE_SLICES budget slices) or is
// about to run a metamethod (which may change anything, or have to give way itself), throws the attempt away and runs
// the call again as the twin, from the start: the same work with the same result, but able to give way. An attempt
// that raises an error raises it as the twin would have, at the same point.
import { R } from './results.js';
import { TAIL, bounce } from './call.js';

/** Budget slices a pure attempt may run before it is thrown away (a slice is BUDGET_SLICE back-edges or calls). */
const PURE_SLICES = 8;

/** What tryPure returns for an attempt thrown away: the caller runs the call as its twin. */
export const RETRY: { readonly retry: true } = Object.freeze({ retry: true as const });

/** Thrown through the plain frames of an attempt to end it; never reaches Lua code (pure code has no pcall). */
class PureAbort {}
const ABORT = new PureAbort();

export const PURE = {
  /** an attempt is running */
  on: false,
  /** budget slices it has left */
  left: 0,
  /** attempts thrown away in a row */
  fails: 0,
  /**
   * Calls to run as twins without an attempt, after attempts were thrown away (2^fails): a long chain of calls, each
   * too long for an attempt (a tail recursion deeper than an attempt's slices), would otherwise pay a whole attempt
   * for each step of the twin. Successes reset it.
   */
  skip: 0,
};

/** Ends the running attempt (called where it must give way, or before a metamethod would run). */
export function abortPure(): never {
  throw ABORT;
}

/** Runs `f(...args)` as a pure attempt: its first result (registers set), or RETRY. */
export function tryPure(f: (...a: unknown[]) => unknown, ...args: unknown[]): unknown {
  if (PURE.on) return f(...args);
  if (PURE.skip > 0) {
    PURE.skip--;
    return RETRY;
  }
  const td = R.td;
  PURE.on = true;
  PURE.left = PURE_SLICES;
  try {
    const r = f(...args);
    const v = r === TAIL ? bounce() : r;
    PURE.fails = 0;
    return v;
  } catch (e) {
    if (e !== ABORT) throw e;
    R.td = td;
    PURE.skip = 2 ** Math.min(++PURE.fails, 20);
    return RETRY;
  } finally {
    PURE.on = false;
  }
}

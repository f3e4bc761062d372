// Calling Lua values from JS, `__call`, and the bounce half of proper tail calls (docs/architecture.md).
// Compiled code inlines the fast path (a plain JS function) and comes here only for the rest.
import { R, collect } from './results.js';
import { luaError } from './errors.js';
import { getMetamethod } from './meta.js';
import { typeName } from './value.js';

/** Returned by a function whose tail call was deferred; the pending call is in R.tf / R.ta. */
export const TAIL: { readonly tail: true } = Object.freeze({ tail: true as const });

/** Tail calls allowed to nest on the JS stack before one is deferred to the nearest bounce. */
export const TAIL_DEPTH = 150;

/** Defers the call `f(...args)`: the caller returns TAIL and the nearest non-tail call site runs it. */
export function tail(f: unknown, args: unknown[]): typeof TAIL {
  R.tf = f;
  R.ta = args;
  return TAIL;
}

/**
 * Takes the pending tail call out of the registers and returns its callee; its arguments stay in R.ta, read at once
 * by the caller, before any Lua code can defer another. The one place that consumes a tail call: bounce below, and
 * bounceY (runtime/core/coroutine.ts), its generator form, which runs each callee as its twin so it can suspend.
 */
export function takeTail(): unknown {
  const f = R.tf;
  R.tf = undefined;
  R.td = 0;
  return f;
}

/** Runs deferred tail calls until one returns a real result. */
export function bounce(): unknown {
  let r: unknown;
  do {
    const f = takeTail();
    const a = R.ta;
    // A callable table: its __call function's own tail calls continue this loop (no nested bounce per level).
    r = typeof f === 'function' ? f(...a) : callMetaOnce(f, a);
  } while (r === TAIL);
  return r;
}

/** Whether a non-function value is callable through a `__call` function (a tail call to it can be deferred). */
export function hasCallMeta(f: unknown): boolean {
  return typeof getMetamethod(f, '__call') === 'function';
}

/** Calls a non-function value through its `__call` metamethod, or raises. */
export function callMeta(f: unknown, args: unknown[], describe?: string): unknown {
  const r = callMetaOnce(f, args, describe);
  return r === TAIL ? bounce() : r;
}

/** callMeta() without the bounce: a tail call the `__call` function deferred is left pending (TAIL) for the caller. */
function callMetaOnce(f: unknown, args: unknown[], describe?: string): unknown {
  const h = getMetamethod(f, '__call');
  if (typeof h === 'function') return h(f, ...args);
  if (h !== undefined) return callMetaOnce(h, [f, ...args], describe);
  throw luaError(`attempt to call ${describe ?? `a ${typeName(f)} value`}`);
}

/** Calls any Lua value with the given arguments; returns the first result, registers set. */
export function call(f: unknown, ...args: unknown[]): unknown {
  if (typeof f === 'function') {
    const r = f(...args);
    return r === TAIL ? bounce() : r;
  }
  return callMeta(f, args);
}

/** call() with exactly one argument and no rest array: for hot library paths. */
export function call1(f: unknown, a: unknown): unknown {
  if (typeof f === 'function') {
    const r = f(a);
    return r === TAIL ? bounce() : r;
  }
  return callMeta(f, [a]);
}

/** call() with exactly two arguments: sort comparators, metamethods. */
export function call2(f: unknown, a: unknown, b: unknown): unknown {
  if (typeof f === 'function') {
    const r = f(a, b);
    return r === TAIL ? bounce() : r;
  }
  return callMeta(f, [a, b]);
}

/** Calls any Lua value and returns every result as an array. */
export function callAll(f: unknown, args: unknown[]): unknown[] {
  let r: unknown;
  if (typeof f === 'function') {
    r = f(...args);
    if (r === TAIL) r = bounce();
  } else r = callMeta(f, args);
  return collect(r);
}

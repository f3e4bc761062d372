// Metamethods that can give way (docs/architecture.md, "Metamethods in processes"). Process-mode generator code calls
// the operators' slow paths in their may-defer form (ops.ts `indexD`, `arithD`, ...): where the plain form would call
// a Lua handler that has a generator twin, the may-defer form stores the pending call here and returns DEFER, and the
// compiled code runs it with `yield* runDeferred()`. The handler's twin then counts the budget and gives way like any
// loop of the process; plain code and the operators' fast paths never see any of this.
//
// Lua 5.1 metamethods cannot yield: a coroutine.yield inside one still raises "attempt to yield across a C-call
// boundary" (it is thrown back in at the yield, so a pcall inside the handler sees it, as with the plain handler).
// Commands for the process scheduler pass through: a preemption, and a blocking call (a receive, a sleep) inside a
// handler blocks the process, as it does on Wippy, where a Go-run handler simply blocks its goroutine.
import type { Twinned } from '../../abi/index.js';
import { R } from './results.js';
import { TAIL, bounce, callMeta } from './call.js';
import { bounceY, isCoYield, type LuaGen } from './coroutine.js';
import { luaError } from './errors.js';
import { getMetamethod } from './meta.js';
import { TRANSFER } from './transfer.js';

/** What a may-defer slow path returns instead of a result when the handler must run as a generator. */
export const DEFER: { readonly defer: true } = Object.freeze({ defer: true as const });

/** What the operator makes of the handler's first result. */
export const AS_VALUE = 0; // the value itself (__index, arithmetic, __concat, __len, __unm, __tostring)
export const AS_TRUTH = 1; // its truthiness (__eq, __lt, __le)
export const AS_FALSITY = 2; // its negated truthiness (`a <= b` as `not (b < a)` through __lt)
export const AS_NOTHING = 3; // nothing (__newindex)
const AS_GEN = 4; // a generator to run as it is (deferGen)

// The pending call: one at a time, taken by runDeferred before anything else runs (like R.tf / R.ta of tail calls).
let dh: unknown;
let da: unknown;
let db: unknown;
let dc: unknown;
let dn = 0;
let dk = 0;

/**
 * Whether a may-defer slow path defers calling `h`: a Lua function with a twin, or a callable object (its `__call`);
 * any handler while a transfer copy runs, which leaves rather than run one (transfer.ts).
 */
export function defers(h: unknown): boolean {
  return typeof h === 'function' ? TRANSFER.on || (h as Twinned).$y !== undefined : true;
}

/** Stores the call `h(a[, b[, c]])` (n = 1, 2 or 3 arguments) for runDeferred; the caller returns what this returns. */
export function deferCall(h: unknown, n: number, a: unknown, b: unknown, c: unknown, kind: number): typeof DEFER {
  dh = h;
  dn = n;
  da = a;
  db = b;
  dc = c;
  dk = kind;
  return DEFER;
}

/**
 * Stores a generator for runDeferred to run as it is: a library function's may-defer form whose work goes on after
 * the handler (print writing its line) returns this.
 */
export function deferGen(g: LuaGen): typeof DEFER {
  dh = g;
  dk = AS_GEN;
  return DEFER;
}

/**
 * A finished iterator holding `value`, for `yield*` to take at once: one object reused (its value is read before any
 * other code runs), so the common case of a may-defer path that did not defer allocates nothing.
 */
const DONE = {
  done: true as const,
  value: undefined as unknown,
  next() {
    return this;
  },
  return() {
    return this;
  },
  throw(e: unknown): never {
    throw e;
  },
  [Symbol.iterator]() {
    return this;
  },
};

export function done(value: unknown): LuaGen {
  DONE.value = value;
  return DONE as unknown as LuaGen;
}

/** Runs the pending call as a generator: `yield* runDeferred()` gives the operator's result. */
export function runDeferred(): LuaGen {
  const h = dh;
  const a = da;
  const b = db;
  const c = dc;
  const n = dn;
  const kind = dk;
  dh = da = db = dc = undefined;
  if (kind === AS_GEN) return h as LuaGen;
  let f = h;
  let self = false;
  if (typeof f !== 'function') {
    f = getMetamethod(h, '__call');
    // not callable through a function: callMeta raises or follows a `__call` that is itself a table
    if (typeof f !== 'function') return done(finish(callMeta(h, [a, b, c].slice(0, n)), kind));
    self = true;
  }
  const y = (f as Twinned<LuaGen>).$y;
  if (y === undefined) {
    const g = f as (...args: unknown[]) => unknown;
    let r = self ? g(h, ...[a, b, c].slice(0, n)) : n === 1 ? g(a) : n === 2 ? g(a, b) : g(a, b, c);
    if (r === TAIL) r = bounce();
    return done(finish(r, kind));
  }
  // the handler gets exactly n arguments: a vararg handler sees how many (`select('#', ...)`)
  const gen = self ? y(h, ...[a, b, c].slice(0, n)) : n === 1 ? y(a) : n === 2 ? y(a, b) : y(a, b, c);
  return guard(gen, kind);
}

/**
 * Runs the handler generator `gen` as a metamethod: `yield* runMetaY(gen)`-style drivers of library functions
 * (tostring's twin, xpcall's handler) share it. Without a suspension on the way (the common case) no driver generator
 * is made.
 */
export function guard(gen: LuaGen, kind: number): LuaGen {
  const r = refuseYields(gen, gen.next());
  if (!r.done) return forward(gen, r.value, kind);
  if (r.value === TAIL) return guard(bounceY(), kind);
  return done(finish(r.value, kind));
}

/** A coroutine.yield of the handler (an array, runtime/core/coroutine.ts) is refused at its yield. */
function refuseYields(gen: LuaGen, r: IteratorResult<unknown, unknown>): IteratorResult<unknown, unknown> {
  while (!r.done && isCoYield(r.value)) r = gen.throw(luaError('attempt to yield across a C-call boundary', 0));
  return r;
}

/** Passes the handler's commands for the scheduler up and their answers down until it returns. */
function* forward(gen: LuaGen, command: unknown, kind: number): LuaGen {
  for (;;) {
    const r = refuseYields(gen, gen.next(yield command));
    if (r.done) return r.value === TAIL ? yield* guard(bounceY(), kind) : finish(r.value, kind);
    command = r.value;
  }
}

function finish(v: unknown, kind: number): unknown {
  switch (kind) {
    case AS_VALUE:
      R.n = 1;
      return v;
    case AS_TRUTH:
      return v !== undefined && v !== false;
    case AS_FALSITY:
      return v === undefined || v === false;
    default:
      return undefined;
  }
}

// Lua coroutines on JS generators. A coroutine runs the generator twin of its function (`f.$y`); coroutine.yield's
// twin yields its array of values to the resume driver. Anything else a coroutine yields is a command for an outer driver (the
// process scheduler: parking on a channel, preemption), which resume's own twin forwards upward and whose answer it
// passes back down, so blocking calls work inside coroutines too. See docs/architecture.md, "Suspension".
import { LUATYPE } from './symbols.js';
import { R, retN, ret1, ret2, retTrueBefore } from './results.js';
import { LuaError, catchable, luaError, toLuaError } from './errors.js';
import { TAIL, bounce, callMeta, takeTail } from './call.js';
import { typeName } from './value.js';
import { getMetamethod } from './meta.js';
import { numberToString } from './number-format.js';
import { PREEMPT, type Twinned } from '../../abi/index.js';
import { TRAMP, drive, driveCall } from './trampoline.js';
import { GEN_NEXT, isGeneratorFunction } from './generator-next.js';

/**
 * What coroutine.yield's twin yields is the JS array of values for the resumer; commands for an outer driver are
 * never arrays, so the check is `Array.isArray` and a yield allocates nothing beyond its argument list.
 */
export function isCoYield(v: unknown): v is unknown[] {
  return Array.isArray(v);
}

export type CoStatus = 'suspended' | 'running' | 'normal' | 'dead';

export type LuaGen = Generator<unknown, unknown, unknown>;

export class Coroutine {
  status: CoStatus = 'suspended';
  /** the body's generator, made at the first resume */
  gen: LuaGen | undefined;
  /** the calls the body made through its driver (runtime/core/trampoline.ts Stack), made at the first such call */
  frames: unknown[] | undefined = undefined;
  /** while it runs, the coroutine that resumed it (the next step out on the JS stack), for error positions */
  resumer: Coroutine | undefined = undefined;
  constructor(readonly fn: unknown) {}
}
(Coroutine.prototype as unknown as Record<symbol, string>)[LUATYPE] = 'thread';

/**
 * The running coroutine (undefined on the main thread / a process's own task) is TRAMP.co: generator code makes its
 * calls through the coroutine's driver while there is one (runtime/core/trampoline.ts).
 */
export function currentCoroutine(): Coroutine | undefined {
  return TRAMP.co as Coroutine | undefined;
}

/** Runs a Lua function as a generator to completion of one step, bouncing deferred tail calls in generator mode. */
export function* runAsGenerator(fn: unknown, args: unknown[]): LuaGen {
  let r: unknown;
  if (typeof fn === 'function') {
    const y = (fn as Twinned<LuaGen>).$y;
    r = y !== undefined ? yield* y(...args) : fn(...args);
  } else {
    r = yield* callMetaY(fn, args);
  }
  if (r === TAIL) r = yield* bounceY();
  return r;
}

/**
 * Generator-mode call of a callable table or userdata: its `__call` function runs as its twin, so it can yield (a
 * yield inside a `__call` function works in Lua 5.1) and, in a process, its entry counts the budget. Anything else
 * (a `__call` that is itself a table, or none: the error) takes callMeta's plain path. A tail call the `__call`
 * function deferred is left pending (TAIL) for the caller's bounceY, as call.ts callMetaOnce leaves it for bounce.
 */
function* callMetaY(f: unknown, args: unknown[]): LuaGen {
  const h = getMetamethod(f, '__call');
  if (typeof h !== 'function') return callMeta(f, args);
  const y = (h as Twinned<LuaGen>).$y;
  return y !== undefined ? yield* y(f, ...args) : (h as (...a: unknown[]) => unknown)(f, ...args);
}

/** Generator-mode bounce (call.ts bounce) of deferred tail calls: prefers the callee's twin. */
export function* bounceY(): LuaGen {
  let r: unknown;
  do {
    const f = takeTail();
    const a = R.ta;
    if (typeof f === 'function') {
      const y = (f as Twinned<LuaGen>).$y;
      r = y !== undefined ? yield* y(...a) : f(...a);
    } else {
      // A callable table: its __call function runs here (its twin when it has one), and its tail calls continue
      // this loop instead of nesting a bounce per level.
      r = yield* callMetaY(f, a);
    }
  } while (r === TAIL);
  return r;
}

/** Generator-mode call of a non-function value through `__call` (callx of ops.ts for plain code). */
export function* callxYImpl(h: unknown, f: unknown, args: unknown[]): LuaGen {
  return yield* runAsGenerator(h, [f, ...args]);
}

/** Attaches a generator twin to a plain function. */
export function mkY<F extends object>(f: F, g: unknown): F {
  (f as Twinned).$y = g as Twinned['$y'];
  return f;
}

export function create(fn: unknown): Coroutine {
  return new Coroutine(fn);
}

/**
 * The values a resume passes in, for the code at the coroutine's suspension point (or its body's parameters). One
 * array reused by every resume, its count in `xferN` (its `length` is left alone: setting it is a runtime call, and
 * resumes alternate counts, e.g. `resume(co, a, b)` then `resume(co, c)`): whatever receives it (the body's first call,
 * `yieldBack`, `yieldY`) copies it out at once, before any other Lua code runs, so a resume allocates nothing for its
 * arguments.
 */
const XFER: unknown[] = [];
let xferN = 0;

/** Fills XFER with arguments `from..` of the caller's `arguments`. */
function xferFrom(args: IArguments, from: number): unknown[] {
  const n = args.length - from;
  let i = 0;
  for (; i < n; i++) XFER[i] = args[i + from];
  // Values of an earlier, longer resume are dropped (no reference kept alive).
  for (; i < xferN; i++) XFER[i] = undefined;
  xferN = n < 0 ? 0 : n;
  return XFER;
}

/** How many values `input` (XFER or a resume twin's own array) holds. */
function inputCount(input: unknown[]): number {
  return input === XFER ? xferN : input.length;
}

/** One step of a coroutine: returns the IteratorResult or throws the coroutine's error (after marking it dead). */
function coroutineStep(co: Coroutine, input: unknown): IteratorResult<unknown, unknown> {
  let gen = co.gen;
  if (gen === undefined) {
    gen = co.gen = startBody(co.fn, input as unknown[]);
    input = undefined;
  }
  const prev = TRAMP.co as Coroutine | undefined;
  if (prev !== undefined) prev.status = 'normal';
  TRAMP.co = co;
  co.status = 'running';
  const td = R.td;
  co.resumer = prev;
  try {
    // no call held by the driver: the body runs (drive when it makes one)
    let r = co.frames === undefined ? GEN_NEXT.call(gen, input) : drive(co, input);
    if (r.value === TRAMP) r = driveCall(co, r);
    while (r.done && r.value === TAIL) {
      // The body ended in a deferred tail call: run it, still inside this coroutine.
      co.gen = bounceY();
      r = drive(co, undefined);
    }
    if (r.done) {
      co.status = 'dead';
      co.frames = undefined;
    } else co.status = 'suspended';
    return r;
  } catch (e) {
    co.status = 'dead';
    co.frames = undefined;
    throw e;
  } finally {
    R.td = td;
    TRAMP.co = prev;
    // read only while this step runs: a suspended coroutine does not keep its last resumer alive
    co.resumer = undefined;
    if (prev !== undefined) prev.status = 'running';
  }
}

/**
 * coroutineStep() for a resume from plain code (a metamethod, a sort comparator, a non-suspendable function of a
 * process): a plain JS frame cannot give way, so a preemption inside the coroutine (process mode,
 * runtime/core/preempt.ts) just goes on at once instead of failing as a yield across a C-call boundary. Outside a
 * scheduler nothing preempts.
 */
function stepPlain(co: Coroutine, input: unknown): IteratorResult<unknown, unknown> {
  let r = coroutineStep(co, input);
  while (r.value === PREEMPT && !r.done) r = coroutineStep(co, undefined);
  return r;
}

/**
 * The body's generator, for the first resume: its values are the body's arguments. Always a real generator, which
 * the drivers step with GEN_NEXT (generator-next.ts): a twin that is not a generator function (a built-in's, which
 * may answer at once with an iterator of its own) runs under one that delegates to it.
 */
function startBody(fn: unknown, a: unknown[]): LuaGen {
  const y = typeof fn === 'function' ? (fn as Twinned<LuaGen>).$y : undefined;
  const n = inputCount(a);
  if (y === undefined) return runAsGenerator(fn, a.slice(0, n));
  const g = startTwin(y, a, n);
  return isGeneratorFunction(y) ? g : delegate(g);
}

function* delegate(g: LuaGen): LuaGen {
  return yield* g;
}

/** Creates the body's generator with the resume's values as its parameters (no spread for the common counts). */
function startTwin(y: (...a: unknown[]) => LuaGen, a: unknown[], n: number): LuaGen {
  switch (n) {
    case 0: return y();
    case 1: return y(a[0]);
    case 2: return y(a[0], a[1]);
    case 3: return y(a[0], a[1], a[2]);
    default: return y(...a.slice(0, n));
  }
}

function checkResumable(co: unknown): Coroutine | string {
  if (!(co instanceof Coroutine)) {
    throw luaError(`bad argument #1 to 'resume' (coroutine expected, got ${co === undefined ? 'no value' : typeName(co)})`);
  }
  if (co.status === 'dead') return 'cannot resume dead coroutine';
  if (co.status !== 'suspended') return 'cannot resume non-suspended coroutine';
  return co;
}

/** coroutine.resume from plain code: a command for an outer driver cannot travel through a plain JS frame. */
export function resume(co: unknown): unknown {
  const c = checkResumable(co);
  if (typeof c === 'string') return ret2(false, c);
  let r: IteratorResult<unknown, unknown>;
  try {
    // eslint-disable-next-line prefer-rest-params -- `arguments` instead of a rest array: no allocation per resume
    r = stepPlain(c, xferFrom(arguments, 1));
  } catch (e) {
    return ret2(false, catchable(e).value);
  }
  return finishResume(c, r);
}

/** `true` followed by `vals` as the results, written straight into the registers. */
function retTrueWith(vals: unknown[]): unknown {
  const n = vals.length;
  const rv = R.rv;
  for (let i = 0; i < n; i++) rv[i + 1] = vals[i];
  R.n = n + 1;
  return true;
}

function finishResume(c: Coroutine, r: IteratorResult<unknown, unknown>): unknown {
  if (r.done) return retTrueBefore(r.value);
  if (isCoYield(r.value)) return retTrueWith(r.value);
  c.status = 'dead';
  c.gen?.return(undefined);
  c.frames = undefined;
  return ret2(false, 'attempt to yield across a C-call boundary');
}

/**
 * What a twin that finished without suspending hands to the `yield*` of its caller: an iterator that is also its own
 * (done) result, so the common resume (the coroutine yields or returns) makes no generator with its resumption
 * machinery. There is one: `yield*` reads `value` at once, before any other Lua code runs (the registers are already
 * set), so each such call refills it instead of making an object.
 */
class Returned {
  readonly done = true;
  value: unknown = undefined;
  next(): this {
    return this;
  }
  return(): this {
    return this;
  }
  throw(e: unknown): never {
    throw e;
  }
  [Symbol.iterator](): this {
    return this;
  }
}

const RETURNED = new Returned();

function returned(value: unknown): LuaGen {
  RETURNED.value = value;
  return RETURNED as unknown as LuaGen;
}

/**
 * coroutine.resume's twin. It resumes at once; only when the coroutine yields a command for an outer driver (the
 * scheduler parking it on a channel, a preemption) does it become a generator that forwards the command up and the
 * answer down (forwardResume).
 */
export function resumeY(co: unknown): LuaGen {
  const c = checkResumable(co);
  if (typeof c === 'string') return returned(ret2(false, c));
  let r: IteratorResult<unknown, unknown>;
  try {
    // eslint-disable-next-line prefer-rest-params -- `arguments` instead of a rest array: no allocation per resume
    r = coroutineStep(c, xferFrom(arguments, 1));
  } catch (e) {
    return returned(ret2(false, catchable(e).value));
  }
  if (r.done || isCoYield(r.value)) return returned(finishResume(c, r));
  return forwardResume(c, r.value);
}

/**
 * Passes commands for an outer driver (channel waits, preemption) up and their answers back down until the coroutine
 * finishes or yields to its resumer, then gives that step to `done`; an error of the coroutine goes to `failed`.
 * resume's and wrap's twins share it. Only the step is guarded: what the driver does at the `yield` (a terminated
 * process's generator return) passes through.
 */
function* forwardCommands(
  c: Coroutine,
  command: unknown,
  done: (r: IteratorResult<unknown, unknown>) => unknown,
  failed: (e: unknown) => unknown,
): LuaGen {
  for (;;) {
    c.status = 'normal';
    const input = yield command;
    c.status = 'suspended';
    let r: IteratorResult<unknown, unknown>;
    try {
      r = coroutineStep(c, input);
    } catch (e) {
      return failed(e);
    }
    if (r.done || isCoYield(r.value)) return done(r);
    command = r.value;
  }
}

function forwardResume(c: Coroutine, command: unknown): LuaGen {
  return forwardCommands(c, command, (r) => finishResume(c, r), (e) => ret2(false, catchable(e).value));
}

export function yieldPlain(): never {
  throw luaError(TRAMP.co === undefined ? 'attempt to yield from outside a coroutine' : 'attempt to yield across a C-call boundary');
}

export function* yieldY(...values: unknown[]): LuaGen {
  return yieldBack(yield values);
}

/**
 * The array a coroutine.yield of one value hands its resumer (compiled code yields `yield1(v)`): one array for every
 * such yield, since whatever receives a yield's values copies them out at once (finishResume, wrap's retN), as with
 * XFER the other way.
 */
const ONE: unknown[] = [undefined];

export function yield1(v: unknown): unknown[] {
  ONE[0] = v;
  return ONE;
}

/**
 * What compiled generator code does instead of `yield* yieldY(...)` when the callee is coroutine.yield: it yields
 * the argument array itself (no generator object, one delegation level less) and passes the resumer's values here.
 */
export function yieldBack(back: unknown): unknown {
  if (back === XFER) {
    // retN over the first xferN values of XFER
    const n = xferN;
    R.n = n;
    const rv = R.rv;
    for (let i = 1; i < n; i++) rv[i] = XFER[i];
    return n > 0 ? XFER[0] : undefined;
  }
  // a resume twin's own array, or nothing (a task's top-level yield resumed by the scheduler)
  return retN((back as unknown[] | undefined) ?? []);
}

/**
 * coroutine.wrap: a function resuming `co` and raising its errors. As Lua 5.1's auxwrap does, a string (or number)
 * error gets the position of the Lua code that called the wrap function in front (none when a library function such
 * as pcall called it); the raise point's traceback is kept.
 */
export function wrap(fn: unknown): unknown {
  const co = new Coroutine(fn);
  const plain = function (): unknown {
    const c = checkResumable(co);
    if (typeof c === 'string') throw luaError(c);
    let r: IteratorResult<unknown, unknown>;
    try {
      // eslint-disable-next-line prefer-rest-params -- `arguments` instead of a rest array: no allocation per call
      r = stepPlain(c, xferFrom(arguments, 0));
    } catch (e) {
      throw wrapError(e);
    }
    if (r.done) return r.value === TAIL ? bounce() : r.value;
    if (isCoYield(r.value)) return retN(r.value);
    c.status = 'dead';
    c.frames = undefined;
    throw luaError('attempt to yield across a C-call boundary');
  };
  // The twin resumes at once and becomes a forwarding generator only for a command for an outer driver (resumeY).
  const twin = function (): LuaGen {
    const c = checkResumable(co);
    if (typeof c === 'string') throw luaError(c);
    let r: IteratorResult<unknown, unknown>;
    try {
      // eslint-disable-next-line prefer-rest-params -- `arguments` instead of a rest array: no allocation per call
      r = coroutineStep(c, xferFrom(arguments, 0));
    } catch (e) {
      throw wrapError(e);
    }
    if (r.done) return returned(r.value);
    if (isCoYield(r.value)) return returned(retN(r.value));
    return forwardWrap(c, r.value);
  };
  return mkY(plain, twin);
}

function forwardWrap(c: Coroutine, command: unknown): LuaGen {
  return forwardCommands(c, command, (r) => (r.done ? r.value : retN(r.value as unknown[])), (e) => {
    throw wrapError(e);
  });
}

/** The error a wrap function raises for its coroutine's error `e` (auxwrap: `luaL_where(L, 1)` .. message). */
function wrapError(e: unknown): LuaError {
  const err = catchable(e);
  const v = err.value;
  if (typeof v === 'string' || typeof v === 'number') {
    const where = luaError('').value as string;
    err.value = where + (typeof v === 'string' ? v : numberToString(v));
  }
  return err;
}

export function isLuaError(e: unknown): e is LuaError {
  return e instanceof LuaError;
}

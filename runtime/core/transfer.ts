// Frame transfer (process mode; compiler/emit/transfer.ts). A function admitted there has, beside its plain version
// and generator twin, a transfer copy (`f.$t`: plain code that leaves by an exception where the twin would give way;
// `f.$u`, the same entered again where it left) and a resume form (`f.$r($rs, frame)`: the twin entered at the
// statement or loop end `$rs` with the saved frame). Twin code calls such a function through transferY: the copy
// runs as a plain call, with no generator, and when it leaves, the caller's `yield*` runs the rest of the call from
// where the copy left (resumeChain), so nothing is run twice but the statement it left (which did nothing yet that running
// it again would repeat).
//
// A copy calls the copy of a known local function directly, as a plain call (compiler/emit/transfer.ts "nested
// sites"). When a copy below leaves, the exception passes through each calling copy's catch, which appends that
// copy's frame and the site of the call it was in (nest); the catcher (transferY, or a driver: drive) then
// runs the innermost frame as before and each frame above it by its resume form entered at that call site, with the
// rest of the inner call as a generator (`$in`) in place of the call: a chain of resume forms, innermost first.
//
// A copy that leaves for a reason other than its budget (a metamethod handler, a call of something with a twin) will
// likely leave again: after its k-th such call the next 2^k calls (at most 1024) run as the twin from the start, as
// pure attempts back off (pure-call.ts). Calls that finish do not reset k: a copy that leaves on some of its calls
// only (a call of something with a twin in one branch) would otherwise pay an exception and a resume form each time.
// The count is kept per function text and run of the chunk (BackOff), not per closure.
import { TRANSFER_GIVE_UP } from '../../abi/index.js';
import { R } from './results.js';
import { preemptY } from './preempt.js';
import { done } from './defer.js';
import { TAIL, takeTail } from './call.js';
import { bounceY, type LuaGen } from './coroutine.js';

/**
 * A frame the copy left: its variables in scope there by JS name (compiler/emit/functions.ts). An object, not an
 * array: V8 tracks the representation of each field of an object's map, so a float the copy left in a local reads
 * back as a number where the copy is entered again, and that local's loop keeps it unboxed; read from an array it
 * was of any type, and the loop boxed it at every pass.
 */
export type Frame = Readonly<Record<string, unknown>>;

interface Transferable {
  $y: (...args: unknown[]) => Generator<unknown, unknown, unknown>;
  /** the transfer copy */
  $t: ((...args: unknown[]) => unknown) | undefined;
  /** the transfer copy entered again where it left, with its frame */
  $u: ($rs: number, frame: Frame) => unknown;
  /** the resume form; entered at a call site, `inner` is the rest of that call */
  $r: ($rs: number, frame: Frame, inner?: LuaGen) => LuaGen;
  /** its back-off, shared by every closure of its text that one run of the chunk makes (mkT) */
  $b: BackOff;
}

/**
 * A function's back-off: kept per function text and run of its chunk (one process), not per closure, so a closure made
 * afresh at each call of its parent (a `local function` inside a method) learns from the calls of the ones before it.
 */
interface BackOff {
  /** calls left to run as the twin without trying the copy */
  ts: number;
  /** calls whose copy left other than for its budget */
  tf: number;
}

/** A transfer copy or the copy entered again: `$o` is the function it belongs to (mkT). */
interface Form {
  $o: Transferable;
}

/** Thrown through the transfer copy's frame; it never reaches Lua code (the copy has no pcall of its own). */
class Bail {}
const BAIL = new Bail();

/** What tryTransfer returns when the call goes on as generator code (resumeChain). */
const RESUME: { readonly resume: true } = Object.freeze({ resume: true as const });

export const TRANSFER = {
  /**
   * A transfer copy is running: every may-defer slow path defers its handler (defer.ts defers), so none runs inside
   * a statement the copy may leave and run again.
   */
  on: false,
  /** where the copy left (its resume target) */
  at: 0,
  /** the copy left at its budget check (no back-off) */
  budget: false,
  /** the frame it left */
  frame: undefined as Frame | undefined,
  /** the form that left (the innermost frame) */
  form: undefined as Form | undefined,
  /** the frames of the copies it passed through, innermost first: (function, call site, frame) triples */
  chain: [] as unknown[],
};

/** The copy leaves at a slow path or call in the statement `at`, with its whole frame. */
export function bailAt(at: number, frame: Frame, form: Form): never {
  TRANSFER.form = form;
  TRANSFER.at = at;
  TRANSFER.budget = false;
  TRANSFER.frame = frame;
  throw BAIL;
}

/** The copy leaves at its entry or a loop's back-edge, with its whole frame, because its budget ran out. */
export function bailB(at: number, frame: Frame, form: Form): never {
  TRANSFER.form = form;
  TRANSFER.at = at;
  TRANSFER.budget = true;
  TRANSFER.frame = frame;
  throw BAIL;
}

/**
 * The catch of a copy that calls copies: `e` passed through it while it was in the call at `site` (a copy below
 * left), so its frame joins the chain; anything else (a Lua error) passes untouched.
 */
export function nest(e: unknown, form: Form, site: number, frame: Frame): void {
  if (e === BAIL) TRANSFER.chain.push(form.$o, site, frame);
}

/**
 * The bounce of a copy's nested site: the call there returned TAIL, a tail call deferred past the tail call depth.
 * Each deferred call runs as its callee's copy, or as the callee itself when it has no twin, so a chain of tail calls
 * through copies runs plain in constant stack (the copy's tail call past the depth is deferred as in the plain version,
 * and leaves nowhere). A callee with a twin and no copy, or a callable object, cannot run plain: the copy leaves here
 * (its `$site` is the site's), and the rest of the call at that site is the deferred call, run by pendingY.
 */
export function bounceT(): unknown {
  let r: unknown;
  do {
    const f = takeTail();
    const a = R.ta;
    if (typeof f !== 'function') return bailAt(0, { f, a }, PENDING);
    const g = f as Partial<Transferable>;
    if (g.$t !== undefined) r = g.$t(...a);
    else if (g.$y === undefined) r = (f as (...args: unknown[]) => unknown)(...a);
    else return bailAt(0, { f, a }, PENDING);
  } while (r === TAIL);
  return r;
}

/** The rest of a call whose copy left in bounceT: the deferred call, bounced as generator code does. */
function* pendingY(_at: number, frame: Frame): LuaGen {
  R.tf = frame.f;
  R.ta = frame.a as unknown[];
  return yield* bounceY();
}

/** The form bounceT leaves as (resumeChain runs its `$r`, pendingY). */
const PENDING: Form = Object.freeze({ $o: Object.freeze({ $r: pendingY }) as unknown as Transferable });

/**
 * Attaches the twin, the transfer copy (as a call starts it, and entered again) and the resume form to a plain function;
 * `backOffs[index]` is its back-off (`backOffs`: one array per run of the chunk, `index` the function's).
 */
export function mkT<F extends object>(f: F, y: unknown, t: unknown, u: unknown, r: unknown, backOffs: (BackOff | undefined)[], index: number): F {
  const g = f as unknown as Transferable;
  g.$y = y as Transferable['$y'];
  g.$t = t as Transferable['$t'];
  g.$u = u as Transferable['$u'];
  g.$r = r as Transferable['$r'];
  (t as Form).$o = g;
  (u as Form).$o = g;
  g.$b = backOffs[index] ??= { ts: 0, tf: 0 };
  return f;
}

/**
 * What twin code delegates to (`yield* transferY(f, n, a, b, c, d)`) for a call of `f` with its first `n` (at most four)
 * of `a, b, c, d`: a finished iterator holding the result when the copy ran to its end (registers set, TAIL passed on:
 * the caller bounces it), the rest of the call when the copy left (resumeChain), the twin while `f` backs off. One resume
 * point per call site, as a plain twin call has: a second one in every twin's call sites made the twins of method-heavy
 * code twice as slow.
 */
export function transferY(f: unknown, n: number, a: unknown, b: unknown, c: unknown, d: unknown): LuaGen {
  const g = f as Transferable;
  const off = g.$b;
  if (off.ts !== 0) {
    off.ts--;
    const y = g.$y;
    return n === 0 ? y() : n === 1 ? y(a) : n === 2 ? y(a, b) : n === 3 ? y(a, b, c) : y(a, b, c, d);
  }
  const r = tryTransfer(g, n, a, b, c, d);
  return r === RESUME ? resumeChain(false) : done(r);
}

/** transferY for any other call: more arguments, a spread last argument. */
export function transferYV(f: unknown, ...args: unknown[]): LuaGen {
  const g = f as Transferable;
  const b = g.$b;
  if (b.ts !== 0) {
    b.ts--;
    return g.$y(...args);
  }
  const r = tryTransferV(g, ...args);
  return r === RESUME ? resumeChain(false) : done(r);
}

/**
 * Runs `f` with its first `n` (at most four) of `a, b, c, d` as its transfer copy: its first result (registers set, TAIL
 * passed on), or RESUME. No array per call: the rest parameter and spread of tryTransferV cost as much as the call
 * they save.
 */
function tryTransfer(f: unknown, n: number, a: unknown, b: unknown, c: unknown, d: unknown): unknown {
  const g = f as Transferable;
  const copy = g.$t!;
  const td = R.td;
  const on = TRANSFER.on;
  TRANSFER.on = true;
  try {
    const r = n === 0 ? copy() : n === 1 ? copy(a) : n === 2 ? copy(a, b) : n === 3 ? copy(a, b, c) : copy(a, b, c, d);
    return r;
  } catch (e) {
    return left(e, td);
  } finally {
    TRANSFER.on = on;
  }
}

/** tryTransfer for any other call: more arguments, a spread last argument. */
function tryTransferV(f: unknown, ...args: unknown[]): unknown {
  const g = f as Transferable;
  const copy = g.$t!;
  const td = R.td;
  const on = TRANSFER.on;
  TRANSFER.on = true;
  try {
    const r = copy(...args);
    return r;
  } catch (e) {
    return left(e, td);
  } finally {
    TRANSFER.on = on;
  }
}

/** The copy threw `e`: RESUME when it left, else the error goes on. */
function left(e: unknown, td: number): typeof RESUME {
  if (e !== BAIL) throw e;
  R.td = td;
  return RESUME;
}

/**
 * The rest of a call tryTransfer answered with RESUME (or a copy left again under a driver): the innermost frame left
 * at a slow path or a call goes on as its resume form from there, left because its budget ran out it gives way and is
 * entered again (drive); each copy it passed through goes on as its resume form entered at its call site, with the
 * rest of the inner call in place of the call. Each frame runs under its driver (drive), which takes it back to its
 * copy at a back-edge; the outermost one's too unless `outerDriven` (a driver of the outermost frame asks, and runs
 * what this returns itself: a driver per switch nested one generator more each time). A leave other than for the
 * budget backs off every function whose frame it took: each would leave again at its next call, and its resume form
 * would go back to the copy at its next back-edge only to leave again.
 */
function resumeChain(outerDriven: boolean): LuaGen {
  const g = TRANSFER.form!.$o;
  const at = TRANSFER.at;
  const frame = TRANSFER.frame!;
  const chain = TRANSFER.chain;
  TRANSFER.at = 0;
  TRANSFER.frame = undefined;
  TRANSFER.form = undefined;
  if (chain.length !== 0) TRANSFER.chain = [];
  const budget = TRANSFER.budget;
  if (!budget) {
    backOff(g);
    for (let i = 0; i < chain.length; i += 3) backOff(chain[i] as Transferable);
  }
  const last = chain.length - 3;
  let rest: LuaGen = budget ? drive(g, undefined, at, frame)
    : last < 0 && outerDriven ? g.$r(at, frame) : driven(g, g.$r(at, frame));
  for (let i = 0; i <= last; i += 3) {
    const f = chain[i] as Transferable;
    const r = f.$r(chain[i + 1] as number, chain[i + 2] as Frame, rest);
    rest = i === last && outerDriven ? r : driven(f, r);
  }
  return rest;
}

/** The next 2^k calls of `g` (at most 1024) after its k-th leave run as its twin, and its resume form stays generator code as long. */
function backOff(g: Transferable): void {
  const b = g.$b;
  // the form bounceT leaves as (PENDING) has none
  if (b !== undefined) b.ts = 2 ** Math.min(++b.tf, 10);
}

/**
 * `gen`, a resume form of `g`, under its driver; alone when it cannot go back to a copy: the form bounceT leaves as has
 * none, and a function whose copy left six times other than for its budget stays generator code (its resume form
 * tries its copy no more: compiler/emit/statements.ts preemption). A process's main that waits for a message at each
 * pass left at each wait and ran every resume through its driver: ping-pong took 1.4x as long.
 */
function driven(g: Transferable, gen: LuaGen): LuaGen {
  return g.$u === undefined || g.$b.tf >= TRANSFER_GIVE_UP ? gen : drive(g, gen, 0, undefined);
}



/** What a resume form returns at a loop's back-edge to go on as its copy entered there (toCopy; drive). */
const SWITCH: { readonly switch: true } = Object.freeze({ switch: true as const });
const SWITCHED = { at: 0, frame: undefined as Frame | undefined };

/**
 * A resume form reached a loop's back-edge `at` with `frame` (compiler/emit/statements.ts preemption): its driver goes
 * on as the copy entered again there, plain, instead of running the later passes as generator code.
 */
export function toCopy(at: number, frame: Frame): typeof SWITCH {
  SWITCHED.at = at;
  SWITCHED.frame = frame;
  return SWITCH;
}

/**
 * The rest of a call of `g` that left, one generator however often it goes between plain code and generator code:
 * `gen`, its resume form (with the rest of the inner calls), until that reaches a loop's back-edge (SWITCH); or, with
 * no `gen`, its copy entered again at `at` with `frame` once it has given way (its budget ran out). The copy entered
 * again runs plain as often as its budget runs out (a long loop runs plain between its pauses); when it leaves at a
 * slow path or a call, or a copy it calls leaves, the rest goes on as resume forms (resumeChain), and so on. (A driver
 * started afresh at each switch, inside the resume form that switched, nested one generator more each time, and every
 * resume passed through all of them: ping-pong's main took 5x as long.)
 */
function* drive(g: Transferable, gen: LuaGen | undefined, at: number, frame: Frame | undefined): LuaGen {
  for (;;) {
    if (gen !== undefined) {
      const r = yield* gen;
      if (r !== SWITCH) return r;
      at = SWITCHED.at;
      frame = SWITCHED.frame;
      SWITCHED.frame = undefined;
    } else {
      yield* preemptY();
    }
    const td = R.td;
    const on = TRANSFER.on;
    TRANSFER.on = true;
    try {
      return g.$u(at, frame!);
    } catch (e) {
      if (e !== BAIL) throw e;
      R.td = td;
    } finally {
      TRANSFER.on = on;
    }
    if (TRANSFER.budget && TRANSFER.chain.length === 0 && TRANSFER.form!.$o === g) {
      // it gave way at its own budget check: entered again where it left once it has given way
      at = TRANSFER.at;
      frame = TRANSFER.frame!;
      TRANSFER.at = 0;
      TRANSFER.frame = undefined;
      TRANSFER.form = undefined;
      gen = undefined;
    } else {
      gen = resumeChain(true);
      // it gave up its copy (driven): the rest is generator code, run without this driver from here
      if (g.$b.tf >= TRANSFER_GIVE_UP) return yield* gen;
    }
  }
}

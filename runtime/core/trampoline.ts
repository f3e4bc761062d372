// Calls of known local functions inside a coroutine, made by the coroutine's driver instead of nested `yield*`.
//
// Generator code calls a function's twin with `yield* f.$y(...)`: a coroutine.yield from d calls down then suspends
// and resumes d generators on the way out and again on the way back in (V8 forwards through every `yield*`), where
// Lua switches one stack. While a coroutine's driver runs (TRAMP.co set), twin code calls a known local function with
// `yield trCall(f.$y(...), M, site)` instead: the callee's generator goes to the driver, which keeps the coroutine's
// calls in an array and runs the innermost one, so a yield leaves from the top in one step and a resume enters it in
// one step; a finished call's result (registers already set) is passed to its caller's `yield`, its error thrown in
// there. Outside a coroutine (a process's own task, plain code) TRAMP.co is undefined and the call sites keep `yield*`.
// A driver that runs generators of Lua code by hand while a coroutine runs passes what they yield up and the answers
// down (defer.ts forward does), or the call would not be made. See docs/architecture.md, "Suspension".
import { luaErrorAt, setHeldFrames } from './errors.js';
import type { LuaGen } from './coroutine.js';
import { GEN_NEXT } from './generator-next.js';

/**
 * What a trampolined call yields, and the running coroutine (coroutine.ts): generator code makes calls through the
 * driver while `co` is set.
 */
export const TRAMP: { co: Driven | undefined } = { co: undefined };

/** The module info of a call site (runtime/core/ops.ts ModuleInfo): its chunk and its sites' lines. */
interface SiteTable {
  chunk: string;
  sites: (number | string)[][];
}

let callGen: LuaGen | undefined;
let callM: SiteTable | undefined;
let callS = 0;

/** What twin code yields for a call made by the driver: the callee's generator and where the call is. */
export function trCall(g: LuaGen, M: SiteTable, s: number): typeof TRAMP {
  callGen = g;
  callM = M;
  callS = s;
  return TRAMP;
}

/**
 * The most calls a coroutine's driver holds: past it a call raises Lua 5.1's "stack overflow" (LUAI_MAXCALLS is
 * 20,000), where the same recursion on the JS stack would have run out of it.
 */
const MAX_FRAMES = 20000;

/**
 * A coroutine's stack as the driver sees it: the body's generator, and above it the calls made through trCall, three
 * entries each (its generator, then the module and site of the call that made it, for error positions), innermost last.
 */
export interface Stack {
  gen: LuaGen | undefined;
  frames: unknown[] | undefined;
}

/** A coroutine's stack, and the coroutine that resumed it last: their steps on the JS stack, innermost first. */
export interface Driven extends Stack {
  resumer: Driven | undefined;
}

// An error's position at level 2 or more (error(msg, 2)) counts the frames held here: on the JS stack, a driver's
// frame stands where its coroutine's suspended calls would be.
setHeldFrames({
  driver: 'coroutineStep',
  positions(k: number): string[] {
    let st = TRAMP.co;
    for (let i = 0; i < k && st !== undefined; i++) st = st.resumer;
    const frames = st?.frames;
    const out: string[] = [];
    if (frames === undefined) return out;
    for (let i = frames.length - 3; i >= 0; i -= 3) {
      const M = frames[i + 1] as SiteTable;
      const site = M.sites[frames[i + 2] as number];
      out.push(`${M.chunk}:${site === undefined ? 0 : (site[0] as number)}`);
    }
    return out;
  },
});

/**
 * Runs the coroutine's innermost held call with `input` until the coroutine yields to its resumer, yields a command
 * for an outer driver, or its body finishes: returns that step, or throws the body's error. Calls made through trCall
 * are run here; the driver's own bookkeeping runs no Lua code, so the registers a finished call set reach its caller.
 * While no call is held the caller (coroutine.ts step) runs the body itself, and hands a trCall of it to driveCall.
 */
export function drive(st: Stack, input: unknown): IteratorResult<unknown, unknown> {
  return coroutineDriver(st, undefined, input);
}

/** drive() from the step `first` of the body: its call through trCall. */
export function driveCall(st: Stack, first: IteratorResult<unknown, unknown>): IteratorResult<unknown, unknown> {
  return coroutineDriver(st, first, undefined);
}

const NO_ERROR = Symbol('no error');

/** drive's loop, from the step `first` when the body already took it. */
function coroutineDriver(st: Stack, first: IteratorResult<unknown, unknown> | undefined, input: unknown): IteratorResult<unknown, unknown> {
  const body = st.gen!;
  let frames = st.frames;
  let top = frames === undefined || frames.length === 0 ? body : (frames[frames.length - 3] as LuaGen);
  let err: unknown = NO_ERROR;
  let r = first;
  for (;;) {
    if (r === undefined) {
      try {
        // every held generator is a real one: a twin of a compiled function, or the body (coroutine.ts startBody)
        if (err === NO_ERROR) r = GEN_NEXT.call(top, input);
        else {
          const e = err;
          err = NO_ERROR;
          r = top.throw(e);
        }
      } catch (e) {
        if (frames === undefined || frames.length === 0) throw e;
        // the call failed: its caller gets the error at its call site (a pcall around it catches it there)
        top = pop(frames, body);
        err = e;
        continue;
      }
    }
    if (r.value === TRAMP) {
      r = undefined;
      if (frames === undefined) frames = st.frames = [];
      const g = callGen!;
      callGen = undefined;
      if (frames.length >= MAX_FRAMES * 3) {
        const site = callM!.sites[callS];
        err = luaErrorAt(callM!.chunk, site === undefined ? 0 : (site[0] as number), 'stack overflow');
        continue;
      }
      frames.push(g, callM, callS);
      top = g;
      input = undefined;
      continue;
    }
    if (r.done && frames !== undefined && frames.length > 0) {
      input = r.value;
      r = undefined;
      top = pop(frames, body);
      continue;
    }
    return r;
  }
}

function pop(frames: unknown[], body: LuaGen): LuaGen {
  frames.pop();
  frames.pop();
  frames.pop();
  return frames.length === 0 ? body : (frames[frames.length - 3] as LuaGen);
}

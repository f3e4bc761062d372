// The library functions that call `__tostring` (tostring, print, string.format's %s) in the forms process-mode generator
// code calls, so that a `__tostring` that has a twin runs as that twin and can give way (runtime/core/defer.ts):
//
// - `f.$m`, the may-defer form: generator code calls it where the callee is the standard function (compiler/analyze
//   known-calls.ts METAMETHOD_CALLERS, emit/calls.ts); it does what `f` does, or returns DEFER with the handler (or the
//   rest of the work) stored for `yield* runDeferred()`;
// - `f.$y`, the generator twin, for the other generator call sites (`local fmt = string.format`, `s:format(t)`).
//
// Arguments without such a handler take the plain function at once: no generator, no allocation.
import { argError } from '../core/args.js';
import { mkY, type LuaGen } from '../core/coroutine.js';
import { AS_VALUE, DEFER, deferCall, deferGen, defers, done, runDeferred } from '../core/defer.js';
import { PREEMPT } from '../../abi/index.js';
import { luaError } from '../core/errors.js';
import { getMetamethod } from '../core/meta.js';
import { numberToString } from '../core/number-format.js';
import { ret0, ret1 } from '../core/results.js';
import { tostring, tostringBuiltin } from '../core/tostring.js';
import { readsAsString, strFormat } from './string/format.js';
import { isDefaultToString } from './string/tostring-hook.js';

type LuaFn = (...args: unknown[]) => unknown;

/** v's `__tostring` when it must run as a twin (or is a callable object), else undefined. */
function deferredToString(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return undefined;
  const h = getMetamethod(v, '__tostring');
  return h !== undefined && defers(h) ? h : undefined;
}

function anyDeferred(args: unknown[]): boolean {
  for (let i = 0; i < args.length; i++) if (deferredToString(args[i]) !== undefined) return true;
  return false;
}

/** Gives `plain` its may-defer form `m` and the generator twin made from it. */
export function withMayDefer<F extends LuaFn>(plain: F, m: LuaFn): F {
  (plain as unknown as { $m: LuaFn }).$m = m;
  return mkY(plain, (...args: unknown[]): LuaGen => {
    const r = m(...args);
    return r === DEFER ? runDeferred() : done(r);
  });
}

/** tostring's may-defer form: what `__tostring` returns is given back unchanged, as the builtin does. */
export function tostringM(v: unknown): unknown {
  if (arguments.length === 0) throw argError(1, 'tostring', 'value expected');
  const h = deferredToString(v);
  if (h === undefined) return ret1(tostringBuiltin(v));
  return deferCall(h, 1, v, undefined, undefined, AS_VALUE);
}

/** The text print and %s make of v: what `__tostring` returns must be a string (or a number), as core tostring checks. */
function* textOf(v: unknown): Generator<unknown, string, unknown> {
  const h = deferredToString(v);
  if (h === undefined) return tostring(v);
  deferCall(h, 1, v, undefined, undefined, AS_VALUE);
  const s = yield* runDeferred();
  if (typeof s === 'string') return s;
  if (typeof s === 'number') return numberToString(s);
  throw luaError("'__tostring' must return a string");
}

/** print's may-defer form, for the print function `plain` that writes with `write`. */
export function printM(plain: LuaFn, write: (s: string) => void): LuaFn {
  function* slow(args: unknown[]): LuaGen {
    let line = '';
    for (let i = 0; i < args.length; i++) line += (i > 0 ? '\t' : '') + (yield* textOf(args[i]));
    write(line + '\n');
    return ret0();
  }
  return (...args: unknown[]) => (anyDeferred(args) ? deferGen(slow(args)) : plain(...args));
}

/**
 * string.format's may-defer form: the `__tostring` handlers of its %s arguments run first, as twins, and the plain
 * format gets their text. (An error of an earlier conversion is raised after them, not before: only the order of the
 * handlers' side effects can differ.) With an embedder's %s conversion (setToStringHook) the plain format runs.
 */
export function strFormatM(fmt: unknown, ...args: unknown[]): unknown {
  if (typeof fmt !== 'string' || !isDefaultToString() || !anyDeferred(args)) return strFormat(fmt, ...args);
  return deferGen(formatSlow(fmt, args));
}

function* formatSlow(fmt: string, args: unknown[]): LuaGen {
  const texts = args.slice();
  for (let k = 0; k < args.length; k++) {
    if (readsAsString(fmt, k) && deferredToString(args[k]) !== undefined) texts[k] = yield* textOf(args[k]);
  }
  return strFormat(fmt, ...texts);
}

/**
 * tostring(v) for the runtime outside any process (the text of a failed process's error value): a `__tostring` that has
 * a twin runs as it for at most `slices` budget slices; one that runs longer, or blocks, is abandoned and undefined
 * returned (the caller falls back to `table: 0x...`), so an endless handler cannot hang the node. Its errors are
 * raised to the caller.
 */
export function tostringBounded(v: unknown, slices: number): string | undefined {
  if (deferredToString(v) === undefined) return tostring(v);
  const gen = textOf(v);
  let r = gen.next();
  for (let n = 0; !r.done; n++) {
    if (r.value !== PREEMPT || n >= slices) {
      gen.return('');
      return undefined;
    }
    r = gen.next();
  }
  return r.value;
}

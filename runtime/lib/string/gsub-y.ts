// string.gsub with a function replacement that has a generator twin, run by process-mode generator code (the
// may-defer form of string.gsub, through meta-twins.ts withMayDefer): the replacement runs as its twin, so one that
// loops counts the budget and gives way, and process.terminate can end it. The search is gsub.ts's (literal, class
// run, RegExp, interpreter; the same matches in the same order); what differs is only that the function is called
// with `yield*`. Every other replacement (a string, a table without `__index`, a function without a twin) takes the
// plain strGsub.
//
// Lua 5.1 semantics stay: a coroutine.yield inside the function still raises "attempt to yield across a C-call
// boundary" (runtime/core/defer.ts refuses it); a preemption or a blocking call passes (the process blocks, as a Go
// gsub blocks its goroutine on Wippy). A table replacement whose `__index` is such a function gets the same.
// While the function is suspended, other processes may run gsub: nothing of
// this search lives in module state (gsub.ts's curM/curMs are only for its plain callbacks).
import type { Twinned } from '../../../abi/index.js';
import { checkStr } from '../../core/args.js';
import { luaError } from '../../core/errors.js';
import { numberToString } from '../../core/number-format.js';
import { BUDGET, preemptY } from '../../core/preempt.js';
import { ret2 } from '../../core/results.js';
import { typeName } from '../../core/value.js';
import { AS_VALUE, deferCall, deferGen, guard, runDeferred } from '../../core/defer.js';
import type { LuaGen } from '../../core/coroutine.js';
import { optInt32 } from './int-args.js';
import { getPattern } from './pattern-compile.js';
import { execFrom, programRegex } from './pattern-regex.js';
import { acquireState, getCapture, matchAt, releaseState } from './pattern-match.js';
import { classRunOf, literalOf, runEnd, runStart } from './simple-pattern.js';
import { strGsub } from './gsub.js';
import { call } from '../../core/call.js';
import { getMetamethod } from '../../core/meta.js';
import { LuaTable, rawget } from '../../core/table.js';

type TwinFn = ((...args: unknown[]) => unknown) & Twinned<LuaGen>;

/**
 * string.gsub's may-defer form: a function replacement with a twin, or a table replacement with an `__index`
 * metamethod (which may be a function with a twin), runs in gsubY; anything else is strGsub.
 */
export function strGsubM(s: unknown, p: unknown, repl?: unknown, maxN?: unknown): unknown {
  const viaTwin = typeof repl === 'function'
    ? (repl as TwinFn).$y !== undefined
    : repl instanceof LuaTable && getMetamethod(repl, '__index') !== undefined;
  if (!viaTwin) return strGsub(s, p, repl, maxN);
  const src = checkStr(s, 1, 'gsub');
  const pat = checkStr(p, 2, 'gsub');
  const maxS = optInt32(maxN, 4, 'gsub', src.length + 1);
  return deferGen(gsubY(src, pat, repl as TwinFn | LuaTable, maxS));
}

/** t[k] with __index (lua_gettable), as gsub.ts indexMeta, an `__index` function with a twin running as it. */
function* indexY(t: unknown, k: unknown): LuaGen {
  for (let loop = 0; loop < 100; loop++) {
    let h: unknown;
    if (t instanceof LuaTable) {
      const v = rawget(t, k);
      if (v !== undefined) return v;
      h = getMetamethod(t, '__index');
      if (h === undefined) return undefined;
    } else {
      h = getMetamethod(t, '__index');
      if (h === undefined) throw luaError(`attempt to index a ${typeName(t)} value`);
    }
    if (typeof h === 'function') return (h as TwinFn).$y !== undefined ? yield* callTwin(h as TwinFn, [t, k]) : call(h, t, k);
    t = h;
  }
  throw luaError('loop in gettable');
}

/** The replacement's first result for these captures, from its twin (exactly n arguments, as the plain call). */
function callTwin(f: TwinFn, args: unknown[]): LuaGen {
  const n = args.length;
  if (n <= 3) {
    deferCall(f, n, args[0], args[1], args[2], AS_VALUE);
    return runDeferred();
  }
  return guard(f.$y!(...args), AS_VALUE);
}

function* gsubY(src: string, pat: string, repl: TwinFn | LuaTable, maxS: number): LuaGen {
  const srcl = src.length;
  const cp = getPattern(pat);
  const anchored = cp.anchored;
  const literal = anchored ? undefined : literalOf(cp);
  const run = anchored || literal !== undefined ? undefined : classRunOf(cp.prog);
  let re = literal === undefined && run === undefined ? programRegex(cp.prog, anchored) : null;
  const ms = acquireState(src, cp.prog);
  const fset = anchored ? undefined : cp.prog.firstSet;
  let out = '';
  let copied = 0;
  let pos = 0;
  let n = 0;
  try {
    while (n < maxS) {
      let ms1 = -1;
      let e = -1;
      let args: unknown[];
      let m: RegExpExecArray | null | undefined;
      if (literal !== undefined) {
        ms1 = src.indexOf(literal, pos);
        if (ms1 < 0) break;
        e = ms1 + literal.length;
        args = [literal];
      } else if (run !== undefined) {
        ms1 = runStart(run.set, src, pos);
        if (ms1 < 0) break;
        e = runEnd(run.set, src, ms1);
        args = [src.slice(ms1, e)];
      } else if (re !== null && (m = execFrom(re, src, pos)) !== undefined) {
        if (m === null) break;
        ms1 = m.index;
        e = ms1 + m[0].length;
        args = m.length > 1 ? m.slice(1) : [m[0]];
      } else {
        re = null; // the regexp engine gave up on this subject: the interpreter does the rest
        for (;;) {
          if (fset !== undefined) {
            while (pos < srcl && fset[src.charCodeAt(pos)] !== 1) pos++;
            if (pos >= srcl) break;
          }
          e = matchAt(ms, pos);
          if (e >= 0 || anchored || pos >= srcl) break;
          pos++;
        }
        if (e < 0) break;
        ms1 = pos;
        const level = ms.level;
        args = new Array<unknown>(level === 0 ? 1 : level);
        for (let i = 0; i < args.length; i++) args[i] = getCapture(ms, i, ms1, e);
      }
      n++;
      // a table is indexed with the first capture (the whole match when there is none), as add_value does
      let v = repl instanceof LuaTable ? yield* indexY(repl, args[0]) : yield* callTwin(repl, args);
      if (v === undefined || v === false) {
        // keep the original text: it stays in the uncopied span
      } else {
        if (typeof v === 'number') v = numberToString(v);
        else if (typeof v !== 'string') throw luaError(`invalid replacement value (a ${typeName(v)})`);
        out += src.slice(copied, ms1) + (v as string);
        copied = e;
      }
      if (e > ms1) pos = e;
      else if (ms1 < srcl) pos = ms1 + 1;
      else break;
      if (anchored) break;
      // many cheap matches count too, as the iterations of a loop
      if (--BUDGET.n < 0) yield* preemptY();
    }
  } finally {
    releaseState(ms);
  }
  if (copied === 0 && out === '') return ret2(src, n);
  return ret2(out + src.slice(copied), n);
}


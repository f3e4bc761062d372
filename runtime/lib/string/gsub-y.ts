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
import { BUDGET, preemptY } from '../../core/preempt.js';
import { typeName } from '../../core/value.js';
import { AS_VALUE, deferCall, deferGen, guard, runDeferred } from '../../core/defer.js';
import type { LuaGen } from '../../core/coroutine.js';
import { optInt32 } from './int-args.js';
import { getPattern } from './pattern-compile.js';
import { strGsub } from './gsub.js';
import { GsubOutput, GsubSearch } from './gsub-search.js';
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
  const search = new GsubSearch(src, getPattern(pat));
  const out = new GsubOutput(src);
  let pos = 0;
  let n = 0;
  try {
    while (n < maxS) {
      const ms1 = search.find(pos);
      if (ms1 < 0) break;
      const e = search.e;
      const args = search.captures(ms1, e);
      n++;
      // a table is indexed with the first capture (the whole match when there is none), as add_value does
      const v = repl instanceof LuaTable ? yield* indexY(repl, args[0]) : yield* callTwin(repl, args);
      out.replace(ms1, e, v);
      if (e > ms1) pos = e;
      else if (ms1 < srcl) pos = ms1 + 1;
      else break;
      if (search.anchored) break;
      // many cheap matches count too, as the iterations of a loop
      if (--BUDGET.n < 0) yield* preemptY();
    }
  } finally {
    search.release();
  }
  return out.result(n);
}

// string.gsub with Lua 5.1 semantics (lstrlib.c str_gsub / add_value / add_s): string replacements with %0-%9,
// table and function replacements (false/nil keeps the match), the optional limit, and 5.1's empty-match rule.
import { argError, checkStr } from '../../core/args.js';
import { call, call1 } from '../../core/call.js';
import { luaError } from '../../core/errors.js';
import { getMetamethod } from '../../core/meta.js';
import { numberToString } from '../../core/number-format.js';
import { ret2 } from '../../core/results.js';
import { LuaTable, rawget } from '../../core/table.js';
import { typeName } from '../../core/value.js';
import { optInt32 } from './int-args.js';
import { getPattern } from './pattern-compile.js';
import { acquireState, getCapture, matchAt, releaseState, type MatchState } from './pattern-match.js';

/** t[k] with __index (lua_gettable), for table replacements. */
function indexMeta(t: unknown, k: unknown): unknown {
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
    if (typeof h === 'function') return call(h, t, k);
    t = h;
  }
  throw luaError('loop in gettable');
}

/** add_s: expands %0-%9 and %x in a replacement string. */
function expandRepl(ms: MatchState, repl: string, s: number, e: number): string {
  let out = '';
  const n = repl.length;
  let from = 0;
  for (let i = 0; i < n; i++) {
    if (repl.charCodeAt(i) !== 37) continue;
    out += repl.slice(from, i);
    i++;
    // 5.1 reads the terminating NUL after a trailing '%' and adds it
    const c = i < n ? repl.charCodeAt(i) : 0;
    if (c < 48 || c > 57) out += String.fromCharCode(c);
    else if (c === 48) out += ms.src.slice(s, e);
    else {
      const v = getCapture(ms, c - 49, s, e);
      out += typeof v === 'number' ? numberToString(v) : v;
    }
    from = i + 1;
  }
  return from === 0 ? repl : out + repl.slice(from);
}

function callRepl(ms: MatchState, f: unknown, s: number, e: number): unknown {
  const n = ms.level === 0 ? 1 : ms.level;
  if (n === 1) return call1(f, getCapture(ms, 0, s, e));
  const args = new Array<unknown>(n);
  for (let i = 0; i < n; i++) args[i] = getCapture(ms, i, s, e);
  return call(f, ...args);
}

export function strGsub(s: unknown, p: unknown, repl?: unknown, maxN?: unknown): unknown {
  const src = checkStr(s, 1, 'gsub');
  const pat = checkStr(p, 2, 'gsub');
  const srcl = src.length;
  const tr = typeof repl;
  const maxS = optInt32(maxN, 4, 'gsub', srcl + 1);
  if (!(tr === 'string' || tr === 'number' || tr === 'function' || repl instanceof LuaTable)) {
    throw argError(3, 'gsub', 'string/function/table expected');
  }
  const cp = getPattern(pat);
  const anchored = cp.anchored;
  const replStr = tr === 'string' ? (repl as string) : tr === 'number' ? numberToString(repl as number) : undefined;
  const plainRepl = replStr !== undefined && replStr.indexOf('%') < 0;
  const ms = acquireState(src, cp.prog);
  let out = '';
  let copied = 0; // src[copied..pos) still has to be copied to out
  let pos = 0;
  let n = 0;
  const fset = anchored ? undefined : cp.prog.firstSet;
  try {
    while (n < maxS) {
      if (fset !== undefined) {
        // positions whose byte cannot start a match are kept as they are (they stay in the uncopied span)
        while (pos < srcl && fset[src.charCodeAt(pos)] !== 1) pos++;
        if (pos >= srcl) break;
      }
      const e = matchAt(ms, pos);
      if (e >= 0) {
        n++;
        // add_value
        let v: unknown;
        if (replStr !== undefined) v = plainRepl ? replStr : expandRepl(ms, replStr, pos, e);
        else if (tr === 'function') v = callRepl(ms, repl, pos, e);
        else v = indexMeta(repl, getCapture(ms, 0, pos, e));
        if (v === undefined || v === false) {
          // keep the original text: nothing to do, it stays in the uncopied span
        } else {
          if (typeof v === 'number') v = numberToString(v);
          else if (typeof v !== 'string') throw luaError(`invalid replacement value (a ${typeName(v)})`);
          out += src.slice(copied, pos) + (v as string);
          copied = e;
        }
      }
      if (e > pos) pos = e;
      else if (pos < srcl) pos++;
      else break;
      if (anchored) break;
    }
  } finally {
    releaseState(ms);
  }
  if (copied === 0 && out === '') return ret2(src, n);
  return ret2(out + src.slice(copied), n);
}

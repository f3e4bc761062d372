// string.gsub with Lua 5.1 semantics (lstrlib.c str_gsub / add_value / add_s): string replacements with %0-%9,
// table and function replacements (false/nil keeps the match), the optional limit, and 5.1's empty-match rule.
import { argError, checkStr } from '../../core/args.js';
import { call, call1 } from '../../core/call.js';
import { luaError } from '../../core/errors.js';
import { getMetamethod } from '../../core/meta.js';
import { numberToString } from '../../core/number-format.js';
import { LuaTable, rawget } from '../../core/table.js';
import { ret2 } from '../../core/results.js';
import { typeName } from '../../core/value.js';
import { optInt32 } from './int-args.js';
import { getPattern } from './pattern-compile.js';
import { getCapture, type MatchState } from './pattern-match.js';
import { GsubOutput, GsubSearch, cannotStart } from './gsub-search.js';

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

/** A replacement string split once per gsub call: literal text, or a capture number (0 = the whole match). */
type ReplPart = string | number;

/** add_s's reading of a replacement string: %0-%9 are captures, %x is x (a trailing '%' adds the C string's NUL). */
function parseRepl(repl: string): ReplPart[] {
  const parts: ReplPart[] = [];
  const n = repl.length;
  let from = 0;
  for (let i = 0; i < n; i++) {
    if (repl.charCodeAt(i) !== 37) continue;
    let lit = repl.slice(from, i);
    i++;
    const c = i < n ? repl.charCodeAt(i) : 0;
    if (c < 48 || c > 57) lit += String.fromCharCode(c);
    if (lit !== '') parts.push(lit);
    if (c >= 48 && c <= 57) parts.push(c - 48);
    from = i + 1;
  }
  if (from < n) parts.push(repl.slice(from));
  return parts;
}

/** One match being replaced: a regexp match, or the interpreter's state with the match at s..e. */
let curM: RegExpExecArray | null = null;
let curMs: MatchState | undefined;

/** push_onecapture(i - 1) for %i (i >= 1), or the whole match for i = 0, as a string. */
function replCapture(i: number, s: number, e: number, src: string): string {
  if (i === 0) return src.slice(s, e);
  let v: string | number;
  const m = curM;
  if (m !== null) {
    const ncap = m.length - 1;
    if (i <= ncap) v = m[i]!;
    else if (i === 1 && ncap === 0) v = m[0];
    else throw luaError('invalid capture index');
  } else v = getCapture(curMs!, i - 1, s, e);
  return typeof v === 'number' ? numberToString(v) : v;
}

function expandRepl(parts: ReplPart[], src: string, s: number, e: number): string {
  let out = '';
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    out += typeof p === 'string' ? p : replCapture(p, s, e, src);
  }
  return out;
}

/** The captures a function or table replacement receives (the whole match when there are none). */
function firstCapture(src: string, s: number, e: number): unknown {
  const m = curM;
  if (m !== null) return m.length > 1 ? m[1] : m[0];
  return getCapture(curMs!, 0, s, e);
}

function callRepl(f: unknown, src: string, s: number, e: number): unknown {
  const m = curM;
  const n = m !== null ? m.length - 1 : curMs!.level;
  if (n <= 1) return call1(f, firstCapture(src, s, e));
  const args = new Array<unknown>(n);
  for (let i = 0; i < n; i++) args[i] = m !== null ? m[i + 1] : getCapture(curMs!, i, s, e);
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
  const replStr = tr === 'string' ? (repl as string) : tr === 'number' ? numberToString(repl as number) : undefined;
  const parts = replStr !== undefined && replStr.indexOf('%') >= 0 ? parseRepl(replStr) : undefined;
  const cp = getPattern(pat);
  // An escaper's gsub mostly meets a string with nothing to escape: when no byte of the subject can start a match,
  // the result is the subject, without a search or an output to set up.
  if (cannotStart(cp, src)) return ret2(src, 0);
  const search = new GsubSearch(src, cp);
  const out = new GsubOutput(src);
  // callbacks may run a nested gsub, which changes the current match: it is saved and restored around them
  const savedM = curM;
  const savedMs = curMs;
  let pos = 0;
  let n = 0;
  try {
    while (n < maxS) {
      // the next match at or after pos (only at pos when anchored): str_gsub's loop, minus its copy of unmatched
      // bytes, which stay in the uncopied span
      const ms1 = search.find(pos);
      if (ms1 < 0) break;
      const e = search.e;
      n++;
      curM = search.m;
      curMs = search.ms;
      // add_value
      let v: unknown;
      if (replStr !== undefined) v = parts === undefined ? replStr : expandRepl(parts, src, ms1, e);
      else if (tr === 'function') v = callRepl(repl, src, ms1, e);
      else v = indexMeta(repl, firstCapture(src, ms1, e));
      out.replace(ms1, e, v);
      if (e > ms1) pos = e;
      else if (ms1 < srcl) pos = ms1 + 1;
      else break;
      if (search.anchored) break;
    }
  } finally {
    curM = savedM;
    curMs = savedMs;
    search.release();
  }
  return out.result(n);
}

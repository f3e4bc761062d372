// string.find, string.match, string.gmatch (and its 5.0 alias gfind) with Lua 5.1 semantics (lstrlib.c
// str_find_aux and gmatch_aux): init clamping, plain search, '^' anchoring (not in gmatch), capture results.
import { checkStr } from '../../core/args.js';
import { R, ret1, ret2, ret3 } from '../../core/results.js';
import { optInteger, posrelat } from './int-args.js';
import { getGmatchProgram, getPattern, type Program } from './pattern-compile.js';
import { getCapture, matchAt, MatchState } from './pattern-match.js';
import { execFrom, programRegex } from './pattern-regex.js';
import { classRunOf, literalOf, nonEmptyRunOf, runMatchAt, runSearch, runSearchEnd, trimAt, trimEnd, trimShapeOf } from './simple-pattern.js';

/** find/match/gmatch never run Lua code while matching, so they can share one state. */
const shared = new MatchState();

function setup(src: string, prog: Program): MatchState {
  shared.src = src;
  shared.end = src.length;
  shared.prog = prog;
  return shared;
}

/** Sets the registers to `first, ...captures`; returns first. Keeps the common 1-2 result paths allocation-free. */
function pushCaptures(ms: MatchState, s: number, e: number, wholeIfNone: boolean, lead: number): unknown {
  const n = ms.level === 0 && wholeIfNone ? 1 : ms.level;
  const total = lead + n;
  const rv = R.rv;
  let first: unknown;
  for (let i = 0; i < n; i++) {
    const v = getCapture(ms, i, s, e);
    if (lead + i === 0) first = v;
    else rv[lead + i] = v;
  }
  R.n = total;
  return first;
}

function findAux(s: unknown, p: unknown, init: unknown, plain: unknown, find: boolean): unknown {
  const fname = find ? 'find' : 'match';
  const src = checkStr(s, 1, fname);
  const pat = checkStr(p, 2, fname);
  const l1 = src.length;
  let start: number;
  if (typeof init === 'number' && (init | 0) === init && init > 0) {
    // the usual init, a position counted from 1: no truncation or negative count to apply
    start = init <= l1 ? init - 1 : l1;
  } else {
    start = posrelat(optInteger(init, 3, fname, 1), l1) - 1;
    if (start < 0) start = 0;
    else if (start > l1) start = l1;
  }
  const isPlain = find && plain !== undefined && plain !== false;
  const cp = isPlain ? undefined : getPattern(pat);
  if (cp === undefined || (find && cp.noSpecials)) {
    const j = src.indexOf(pat, start);
    if (j >= 0) return ret2(j + 1, j + pat.length);
    return ret1(undefined);
  }
  const prog = cp.prog;
  if (cp.anchored) {
    // A tokenizer tries anchored patterns in turn at one position and most fail on the first byte: when every
    // match must start with a byte of firstSet, one lookup answers before any matcher or RegExp runs (the matcher
    // would fail on that item too, before reaching anything that raises).
    const fset = prog.firstSet;
    if (fset !== undefined && (start >= l1 || fset[src.charCodeAt(start)] !== 1)) return ret1(undefined);
  } else if (prog.required !== '' && src.indexOf(prog.required, start) < 0) {
    // a byte every match contains is not in the rest: no position can match (pattern-compile.ts `required`); the
    // indexOf stops at the first one, within the match a search would find
    return ret1(undefined);
  }
  const literal = find || cp.anchored ? undefined : literalOf(cp);
  if (literal !== undefined) return ret1(src.indexOf(literal, start) >= 0 ? literal : undefined);
  const trim = trimShapeOf(prog);
  if (trim !== undefined) {
    // `^%s*(.-)%s*$`: it matches at start, anchored or not, up to the end of the subject
    const a = trimAt(trim, src, start);
    const cap = src.slice(a, trimEnd);
    return find ? ret3(start + 1, l1, cap) : ret1(cap);
  }
  const run = classRunOf(prog);
  if (run !== undefined) {
    // str_find_aux tries start only when anchored, else every position from start on; a run of zero or more
    // matches at start either way
    let s1: number;
    let e: number;
    if (cp.anchored) {
      s1 = start;
      e = runMatchAt(run, src, start);
      if (e < 0) return ret1(undefined);
    } else {
      s1 = runSearch(run, src, start);
      if (s1 < 0) return ret1(undefined);
      e = runSearchEnd;
    }
    if (!find) return ret1(src.slice(s1, e));
    return run.captured ? ret3(s1 + 1, e, src.slice(s1, e)) : ret2(s1 + 1, e);
  }
  const re = programRegex(prog, cp.anchored);
  if (re !== null) {
    const m = execFrom(re, src, start);
    if (m !== undefined) return regexResults(m, find);
  }
  const ms = setup(src, prog);
  const anchored = cp.anchored;
  const fc = anchored ? -1 : prog.firstChar;
  const fcs = fc >= 0 ? String.fromCharCode(fc) : '';
  const fset = anchored ? undefined : prog.firstSet;
  let s1 = start;
  for (;;) {
    if (fc >= 0) {
      s1 = src.indexOf(fcs, s1);
      if (s1 < 0) break;
    } else if (fset !== undefined) {
      while (s1 < l1 && fset[src.charCodeAt(s1)] !== 1) s1++;
      if (s1 >= l1) break; // the first item needs a character
    }
    const e = matchAt(ms, s1);
    if (e >= 0) {
      if (find) {
        R.rv[1] = e;
        pushCaptures(ms, 0, 0, false, 2);
        return s1 + 1;
      }
      return pushCaptures(ms, s1, e, true, 0);
    }
    if (s1++ >= l1 || anchored) break;
  }
  return ret1(undefined);
}

/** find/match results from a regexp match (null: no match), with the registers set as pushCaptures does. */
function regexResults(m: RegExpExecArray | null, find: boolean): unknown {
  if (m === null) return ret1(undefined);
  const ncap = m.length - 1;
  const rv = R.rv;
  if (find) {
    const s1 = m.index;
    rv[1] = s1 + m[0].length;
    for (let i = 1; i <= ncap; i++) rv[i + 1] = m[i];
    R.n = ncap + 2;
    return s1 + 1;
  }
  if (ncap === 0) return ret1(m[0]);
  for (let i = 2; i <= ncap; i++) rv[i - 1] = m[i];
  R.n = ncap;
  return m[1];
}

export function strFind(s: unknown, p: unknown, init?: unknown, plain?: unknown): unknown {
  return findAux(s, p, init, plain, true);
}

export function strMatch(s: unknown, p: unknown, init?: unknown): unknown {
  return findAux(s, p, init, undefined, false);
}

/** string.gmatch: an iterator over successive matches; '^' is an ordinary character here (Lua 5.1). */
export function strGmatch(s: unknown, p: unknown): unknown {
  const src = checkStr(s, 1, 'gmatch');
  const pat = checkStr(p, 2, 'gmatch');
  const cp = getPattern(pat);
  const prog = getGmatchProgram(cp);
  let pos = 0;
  const literal = literalOf(cp);
  const run = literal === undefined ? nonEmptyRunOf(prog) : undefined;
  if (literal !== undefined || run !== undefined) {
    // gmatch_aux with a pattern that never matches empty: the next match starts where the last one ended
    return ret1(function gmatchIterator(): unknown {
      const s1 = pos > src.length ? -1 : literal !== undefined ? src.indexOf(literal, pos) : runSearch(run!, src, pos);
      if (s1 < 0) {
        pos = src.length + 1;
        R.n = 0;
        return undefined;
      }
      const e = literal !== undefined ? s1 + literal.length : runSearchEnd;
      pos = e;
      return ret1(literal !== undefined ? literal : src.slice(s1, e));
    });
  }
  const req = prog.required;
  const iter = function gmatchIterator(): unknown {
    if (req !== '' && (pos > src.length || src.indexOf(req, pos) < 0)) {
      pos = src.length + 1;
      R.n = 0;
      return undefined;
    }
    const ms = setup(src, prog);
    const end = src.length;
    const fset = prog.firstSet;
    for (let s1 = pos; s1 <= end; s1++) {
      if (fset !== undefined) {
        while (s1 < end && fset[src.charCodeAt(s1)] !== 1) s1++;
        if (s1 >= end) break;
      }
      const e = matchAt(ms, s1);
      if (e >= 0) {
        pos = e === s1 ? e + 1 : e;
        return pushCaptures(ms, s1, e, true, 0);
      }
    }
    pos = end + 1;
    R.n = 0;
    return undefined;
  };
  const re = programRegex(prog, false);
  if (re !== null) {
    const riter = function gmatchIterator(): unknown {
      // gmatch_aux: no match at or after pos ends the iteration (pos past the end included), nor a rest without a
      // byte every match contains
      const m = pos <= src.length && (req === '' || src.indexOf(req, pos) >= 0) ? execFrom(re, src, pos) : null;
      if (m === null) {
        pos = src.length + 1;
        R.n = 0;
        return undefined;
      }
      if (m !== undefined) {
        const e = m.index + m[0].length;
        pos = e === m.index ? e + 1 : e;
        return regexResults(m, false);
      }
      return iter();
    };
    return ret1(riter);
  }
  return ret1(iter);
}

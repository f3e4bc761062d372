// The Lua 5.1 pattern matcher (lstrlib.c's match(), on compiled programs): backtracking over items with the
// same recursion structure as PUC Lua, so results and errors agree with lua5.1. Subjects are byte strings.
import { luaError } from '../../core/errors.js';
import { BUDGET } from '../../core/preempt.js';
import {
  K_ANY, K_BACKREF, K_BALANCE, K_CHAR, K_CLOSE, K_END, K_EOS, K_ERROR, K_FRONTIER, K_OPEN, K_POSCAP,
  Q_MIN, Q_ONE, Q_OPT, Q_PLUS, Q_STAR, type Program,
} from './pattern-compile.js';

export const CAP_UNFINISHED = -1;
export const CAP_POSITION = -2;
const MAXCAPTURES = 32;
/** Recursion budget of one match (Lua 5.2+'s MAXCCALLS; 5.1 had none and could overflow the C stack). */
const MAXCCALLS = 200;

export class MatchState {
  src = '';
  end = 0;
  level = 0;
  depth = 0;
  prog: Program | undefined = undefined;
  capInit = new Int32Array(MAXCAPTURES);
  capLen = new Int32Array(MAXCAPTURES);
}

const pool: MatchState[] = [];

/** A MatchState for one library call; release it when done (gsub callbacks may start nested matches). */
export function acquireState(src: string, prog: Program): MatchState {
  const ms = pool.pop() ?? new MatchState();
  ms.src = src;
  ms.end = src.length;
  ms.prog = prog;
  return ms;
}

export function releaseState(ms: MatchState): void {
  ms.src = '';
  ms.prog = undefined;
  pool.push(ms);
}

/** Tries the program at position s; returns the end of the match or -1. Resets captures first. */
export function matchAt(ms: MatchState, s: number): number {
  ms.level = 0;
  ms.depth = 0;
  return doMatch(ms, s, 0);
}

function single(prog: Program, pi: number, c: number): boolean {
  const k = prog.kind[pi];
  if (k === K_CHAR) return prog.arg[pi] === c;
  if (k === K_ANY) return true;
  return prog.set[pi]![c] === 1;
}

function doMatch(ms: MatchState, s: number, pi: number): number {
  if (++ms.depth > MAXCCALLS) throw luaError('pattern too complex');
  // a step of plain work: catastrophic backtracking (exponential in the pattern) cannot yield from here, so in a
  // process it makes the code around it give way, and the backstop ends it (runtime/core/preempt.ts)
  if (--BUDGET.p < 0) BUDGET.out();
  const r = matchBody(ms, s, pi);
  ms.depth--;
  return r;
}

function matchBody(ms: MatchState, s: number, pi: number): number {
  const prog = ms.prog!;
  const kind = prog.kind;
  const src = ms.src;
  const end = ms.end;
  for (;;) {
    const k = kind[pi];
    switch (k) {
      case K_END:
        return s;
      case K_OPEN:
        return startCapture(ms, s, pi + 1, CAP_UNFINISHED);
      case K_POSCAP:
        return startCapture(ms, s, pi + 1, CAP_POSITION);
      case K_CLOSE:
        return endCapture(ms, s, pi + 1);
      case K_BALANCE: {
        s = matchBalance(ms, s, prog.arg[pi]!);
        if (s < 0) return -1;
        pi++;
        continue;
      }
      case K_FRONTIER: {
        const t = prog.set[pi]!;
        const prev = s === 0 ? 0 : src.charCodeAt(s - 1);
        const cur = s < end ? src.charCodeAt(s) : 0; // C reads the terminating NUL at the end
        if (t[prev] === 1 || t[cur] !== 1) return -1;
        pi++;
        continue;
      }
      case K_BACKREF: {
        s = matchCapture(ms, s, prog.arg[pi]!);
        if (s < 0) return -1;
        pi++;
        continue;
      }
      case K_EOS:
        return s === end ? s : -1;
      case K_ERROR:
        throw luaError(prog.errors[prog.arg[pi]!]!);
      default: {
        const m = s < end && single(prog, pi, src.charCodeAt(s));
        switch (prog.quant[pi]) {
          case Q_ONE:
            if (!m) return -1;
            s++;
            pi++;
            continue;
          case Q_OPT:
            if (m) {
              const r = doMatch(ms, s + 1, pi + 1);
              if (r >= 0) return r;
            }
            pi++;
            continue;
          case Q_STAR:
            return maxExpand(ms, s, pi);
          case Q_PLUS:
            return m ? maxExpand(ms, s + 1, pi) : -1;
          case Q_MIN:
            return minExpand(ms, s, pi);
        }
        return -1;
      }
    }
  }
}

function maxExpand(ms: MatchState, s: number, pi: number): number {
  const prog = ms.prog!;
  const src = ms.src;
  const end = ms.end;
  let i = 0;
  const k = prog.kind[pi];
  if (k === K_CHAR) {
    const ch = prog.arg[pi]!;
    while (s + i < end && src.charCodeAt(s + i) === ch) i++;
  } else if (k === K_ANY) {
    i = end - s;
  } else {
    const t = prog.set[pi]!;
    while (s + i < end && t[src.charCodeAt(s + i)] === 1) i++;
  }
  if (prog.kind[pi + 1] === K_END) return s + i;
  const need = prog.need[pi + 1];
  while (i >= 0) {
    if (need === undefined || (s + i < end && need[src.charCodeAt(s + i)] === 1)) {
      const r = doMatch(ms, s + i, pi + 1);
      if (r >= 0) return r;
    }
    i--;
  }
  return -1;
}

function minExpand(ms: MatchState, s: number, pi: number): number {
  const prog = ms.prog!;
  const need = prog.need[pi + 1];
  const src = ms.src;
  for (;;) {
    if (need === undefined || (s < ms.end && need[src.charCodeAt(s)] === 1)) {
      const r = doMatch(ms, s, pi + 1);
      if (r >= 0) return r;
    }
    if (s < ms.end && single(prog, pi, src.charCodeAt(s))) s++;
    else return -1;
  }
}

function startCapture(ms: MatchState, s: number, pi: number, what: number): number {
  const level = ms.level;
  if (level >= MAXCAPTURES) throw luaError('too many captures');
  ms.capInit[level] = s;
  ms.capLen[level] = what;
  ms.level = level + 1;
  const r = doMatch(ms, s, pi);
  if (r < 0) ms.level--;
  return r;
}

function endCapture(ms: MatchState, s: number, pi: number): number {
  let l = ms.level - 1;
  for (; l >= 0; l--) if (ms.capLen[l] === CAP_UNFINISHED) break;
  if (l < 0) throw luaError('invalid pattern capture');
  ms.capLen[l] = s - ms.capInit[l]!;
  const r = doMatch(ms, s, pi);
  if (r < 0) ms.capLen[l] = CAP_UNFINISHED;
  return r;
}

function matchBalance(ms: MatchState, s: number, bc: number): number {
  const src = ms.src;
  const end = ms.end;
  const b = bc & 0xff;
  const e = bc >> 8;
  if (s >= end || src.charCodeAt(s) !== b) return -1;
  let cont = 1;
  while (++s < end) {
    const c = src.charCodeAt(s);
    if (c === e) {
      if (--cont === 0) return s + 1;
    } else if (c === b) cont++;
  }
  return -1;
}

function matchCapture(ms: MatchState, s: number, digit: number): number {
  const l = digit - 49; // '1'
  if (l < 0 || l >= ms.level || ms.capLen[l] === CAP_UNFINISHED) throw luaError('invalid capture index');
  const len = ms.capLen[l]!;
  if (len < 0) return -1; // a position capture has no text: (size_t)CAP_POSITION never fits
  if (ms.end - s < len) return -1;
  const src = ms.src;
  const init = ms.capInit[l]!;
  for (let i = 0; i < len; i++) if (src.charCodeAt(init + i) !== src.charCodeAt(s + i)) return -1;
  return s + len;
}

/** Capture i as a Lua value (lstrlib.c push_onecapture); s..e is the whole match, used when there are none. */
export function getCapture(ms: MatchState, i: number, s: number, e: number): string | number {
  if (i >= ms.level) {
    if (i === 0) return ms.src.slice(s, e);
    throw luaError('invalid capture index');
  }
  const l = ms.capLen[i]!;
  if (l === CAP_UNFINISHED) throw luaError('unfinished capture');
  const init = ms.capInit[i]!;
  if (l === CAP_POSITION) return init + 1;
  return ms.src.slice(init, init + l);
}

/** Number of values push_captures would push: the captures, or the whole match when there are none. */
export function captureCount(ms: MatchState, wholeIfNone: boolean): number {
  return ms.level === 0 && wholeIfNone ? 1 : ms.level;
}

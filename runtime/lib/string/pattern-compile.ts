// Compiles a Lua 5.1 pattern into a flat item program once (cached by pattern string), so matching never rescans
// classes or sets. Errors in the pattern become ERROR items raised only when the matcher reaches them, which keeps
// PUC Lua 5.1's lazy behaviour (string.find("abc", "x[") is nil, string.find("xbc", "x[") raises).

import type { ClassRun, TrimShape } from './simple-pattern.js';

export const K_END = 0;
export const K_CHAR = 1;
export const K_ANY = 2;
export const K_SET = 3;
export const K_OPEN = 4;
export const K_POSCAP = 5;
export const K_CLOSE = 6;
export const K_BALANCE = 7;
export const K_FRONTIER = 8;
export const K_BACKREF = 9;
export const K_EOS = 10;
export const K_ERROR = 11;

export const Q_ONE = 0;
export const Q_OPT = 1;
export const Q_STAR = 2;
export const Q_PLUS = 3;
export const Q_MIN = 4;

export interface Program {
  /** item kinds (K_*); the last item is K_END or K_ERROR */
  kind: Int32Array;
  /** quantifier of single-char items (Q_*) */
  quant: Int32Array;
  /** K_CHAR: char code; K_BALANCE: open | close << 8; K_BACKREF: the digit's char code; K_ERROR: message index */
  arg: Int32Array;
  /** K_SET / K_FRONTIER: 256-entry membership table */
  set: (Uint8Array | undefined)[];
  errors: string[];
  /** char code every match must start with (first item a plain or `+` char), or -1 */
  firstChar: number;
  /**
   * a byte every match must contain (a plain or `+` char item, after items that cannot raise), as a one-char string,
   * else '': an unanchored search in a subject without it from where it starts finds nothing (a `key=value` scan
   * over text with no '='), so it can answer after one indexOf instead of trying every position
   */
  required: string;
  /** bytes a match can start with, when the first consuming item must match once; lets searches skip ahead */
  firstSet: Uint8Array | undefined;
  /** per item: the bytes the subject must have at the current position for matching from this item to succeed
   * (undefined: no constraint); lets backtracking loops skip hopeless attempts */
  need: (Uint8Array | undefined)[];
  /**
   * What one search with this program is charged against the generator budget (runtime/core/preempt.ts) when it runs
   * as a RegExp: (variable-length items)² from three of them on, 0 below. Nested quantifiers can backtrack for
   * ~0.7 ms before V8's linear engine takes over (pattern-regex.ts), far more than the one back-edge a loop calling
   * string.find counts; ordinary patterns pay nothing.
   */
  cost: number;
  /** this program as a RegExp (pattern-regex.ts), null when it has none; built on first use */
  regex: RegExp | null | undefined;
  /** this program as a class run (simple-pattern.ts), null when it is none; found on first use */
  run: ClassRun | null | undefined;
  /** this program as a trim (simple-pattern.ts), null when it is none; found on first use */
  trim: TrimShape | null | undefined;
}

export interface CompiledPattern {
  /** program for find/match/gsub: a leading '^' is the anchor and is not part of it */
  prog: Program;
  anchored: boolean;
  /** string.find may do a plain search: no SPECIALS before the first NUL (strpbrk in lstrlib.c) */
  noSpecials: boolean;
  /** program for gmatch, where Lua 5.1 treats '^' as a literal character (compiled on demand) */
  gprog: Program | undefined;
  /** the pattern as the matcher sees it (Lua 5.1 stops at the first NUL) */
  text: string;
}

const CACHE_LIMIT = 512;
const cache = new Map<string, CompiledPattern>();

/** The compiled form of a pattern, from the cache when possible. */
export function getPattern(p: string): CompiledPattern {
  let cp = cache.get(p);
  if (cp === undefined) {
    const nul = p.indexOf('\0');
    const text = nul >= 0 ? p.slice(0, nul) : p;
    const anchored = text.charCodeAt(0) === 94; // '^'
    cp = {
      prog: compile(text, anchored ? 1 : 0),
      anchored,
      noSpecials: !/[\^$*+?.([%-]/.test(text),
      gprog: undefined,
      text,
    };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(p, cp);
  }
  return cp;
}

export function getGmatchProgram(cp: CompiledPattern): Program {
  if (cp.gprog === undefined) cp.gprog = compile(cp.text, 0);
  return cp.gprog;
}

// C-locale <ctype.h> classes, byte by byte.
function isalpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isdigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function islower(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isupper(c: number): boolean {
  return c >= 65 && c <= 90;
}
function iscntrl(c: number): boolean {
  return c < 32 || c === 127;
}
function isspace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
function ispunct(c: number): boolean {
  return c > 32 && c < 127 && !isalpha(c) && !isdigit(c);
}
function isxdigit(c: number): boolean {
  return isdigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** lstrlib.c match_class: does byte c belong to class letter cl (%a, %A, ...; other letters match themselves). */
export function matchClass(c: number, cl: number): boolean {
  let res: boolean;
  switch (isupper(cl) ? cl + 32 : cl) {
    case 97: res = isalpha(c); break; // a
    case 99: res = iscntrl(c); break; // c
    case 100: res = isdigit(c); break; // d
    case 108: res = islower(c); break; // l
    case 112: res = ispunct(c); break; // p
    case 115: res = isspace(c); break; // s
    case 117: res = isupper(c); break; // u
    case 119: res = isalpha(c) || isdigit(c); break; // w
    case 120: res = isxdigit(c); break; // x
    case 122: res = c === 0; break; // z
    default: return cl === c;
  }
  return islower(cl) ? res : !res;
}

function isClassLetter(cl: number): boolean {
  const l = isupper(cl) ? cl + 32 : cl;
  return l === 97 || l === 99 || l === 100 || l === 108 || l === 112 || l === 115 || l === 117 || l === 119 ||
    l === 120 || l === 122;
}

/** lstrlib.c matchbracketclass over the set text p[start..ec) where p[start] is '[' and p[ec] is ']'. */
function matchBracket(c: number, p: string, start: number, ec: number): boolean {
  let sig = true;
  let i = start;
  if (p.charCodeAt(i + 1) === 94) {
    sig = false;
    i++;
  }
  while (++i < ec) {
    const pc = p.charCodeAt(i);
    if (pc === 37) {
      i++;
      if (matchClass(c, p.charCodeAt(i))) return sig;
    } else if (p.charCodeAt(i + 1) === 45 && i + 2 < ec) {
      i += 2;
      if (pc <= c && c <= p.charCodeAt(i)) return sig;
    } else if (pc === c) return sig;
  }
  return !sig;
}

class PatternError {
  constructor(readonly message: string) {}
}

/** lstrlib.c classEnd: index just past the single-char class starting at i. */
function classEnd(p: string, i: number): number {
  const len = p.length;
  const c = p.charCodeAt(i++);
  if (c === 37) {
    if (i >= len) throw new PatternError("malformed pattern (ends with '%')");
    return i + 1;
  }
  if (c === 91) {
    if (p.charCodeAt(i) === 94) i++;
    do {
      if (i >= len) throw new PatternError("malformed pattern (missing ']')");
      const cc = p.charCodeAt(i++);
      if (cc === 37 && i < len) i++;
    } while (p.charCodeAt(i) !== 93);
    return i + 1;
  }
  return i;
}

function bracketTable(p: string, start: number, ec: number): Uint8Array {
  const t = new Uint8Array(256);
  for (let c = 0; c < 256; c++) if (matchBracket(c, p, start, ec)) t[c] = 1;
  return t;
}

function classTable(cl: number): Uint8Array {
  const t = new Uint8Array(256);
  for (let c = 0; c < 256; c++) if (matchClass(c, cl)) t[c] = 1;
  return t;
}

const classTables = new Map<number, Uint8Array>();

/** Compiles p[from..] item by item, following the order in which lstrlib.c's match() reads the pattern. */
export function compile(p: string, from: number): Program {
  const kind: number[] = [];
  const quant: number[] = [];
  const arg: number[] = [];
  const set: (Uint8Array | undefined)[] = [];
  const errors: string[] = [];
  const len = p.length;
  const push = (k: number, q: number, a: number, t?: Uint8Array): void => {
    kind.push(k);
    quant.push(q);
    arg.push(a);
    set.push(t);
  };
  let i = from;
  try {
    for (;;) {
      if (i >= len) {
        push(K_END, 0, 0);
        break;
      }
      const c = p.charCodeAt(i);
      if (c === 40) { // '('
        if (p.charCodeAt(i + 1) === 41) {
          push(K_POSCAP, 0, 0);
          i += 2;
        } else {
          push(K_OPEN, 0, 0);
          i++;
        }
        continue;
      }
      if (c === 41) { // ')'
        push(K_CLOSE, 0, 0);
        i++;
        continue;
      }
      if (c === 36 && i + 1 === len) { // '$' at the very end
        push(K_EOS, 0, 0);
        push(K_END, 0, 0);
        break;
      }
      if (c === 37 && i + 1 < len) { // '%'
        const n = p.charCodeAt(i + 1);
        if (n === 98) { // %b
          if (i + 3 >= len) throw new PatternError('unbalanced pattern');
          push(K_BALANCE, 0, p.charCodeAt(i + 2) | (p.charCodeAt(i + 3) << 8));
          i += 4;
          continue;
        }
        if (n === 102) { // %f
          i += 2;
          if (p.charCodeAt(i) !== 91) throw new PatternError("missing '[' after '%f' in pattern");
          const ep = classEnd(p, i);
          push(K_FRONTIER, 0, 0, bracketTable(p, i, ep - 1));
          i = ep;
          continue;
        }
        if (isdigit(n)) {
          push(K_BACKREF, 0, n);
          i += 2;
          continue;
        }
      }
      const ep = classEnd(p, i);
      const q = ep < len ? quantOf(p.charCodeAt(ep)) : Q_ONE;
      if (c === 46) push(K_ANY, q, 0);
      else if (c === 91) push(K_SET, q, 0, bracketTable(p, i, ep - 1));
      else if (c === 37) {
        const cl = p.charCodeAt(i + 1);
        if (isClassLetter(cl)) {
          let t = classTables.get(cl);
          if (t === undefined) classTables.set(cl, (t = classTable(cl)));
          push(K_SET, q, 0, t);
        } else push(K_CHAR, q, cl);
      } else push(K_CHAR, q, c);
      i = q === Q_ONE ? ep : ep + 1;
    }
  } catch (e) {
    if (!(e instanceof PatternError)) throw e;
    errors.push(e.message);
    push(K_ERROR, 0, errors.length - 1);
  }
  // Captures consume nothing, so the next consuming item decides which byte must come next. Capture items
  // that raise (a ')' closing nothing, a 33rd capture) must still be reached, so they do not pass it through.
  // The program is a straight sequence, so the capture state at each item is the same on every path.
  const raises = new Array<boolean>(kind.length).fill(false);
  let started = 0;
  let unfinished = 0;
  for (let k = 0; k < kind.length; k++) {
    const kk = kind[k];
    if (kk === K_OPEN || kk === K_POSCAP) {
      if (started >= 32) raises[k] = true;
      started++;
      if (kk === K_OPEN) unfinished++;
    } else if (kk === K_CLOSE) {
      if (unfinished <= 0) raises[k] = true;
      else unfinished--;
    }
  }
  const need = new Array<Uint8Array | undefined>(kind.length).fill(undefined);
  for (let k = kind.length - 1; k >= 0; k--) {
    const kk = kind[k];
    if (kk === K_OPEN || kk === K_POSCAP || kk === K_CLOSE) need[k] = raises[k] ? undefined : need[k + 1];
    else if ((kk === K_CHAR || kk === K_SET) && (quant[k] === Q_ONE || quant[k] === Q_PLUS)) {
      if (kk === K_SET) need[k] = set[k];
      else {
        const t = new Uint8Array(256);
        t[arg[k]!] = 1;
        need[k] = t;
      }
    }
  }
  let f = 0;
  while (kind[f] === K_OPEN || kind[f] === K_POSCAP) f++;
  const firstChar = kind[f] === K_CHAR && (quant[f] === Q_ONE || quant[f] === Q_PLUS) ? arg[f]! : -1;
  const firstSet = need[0];
  // Every item before the required char is one the matcher may reach and fail at without raising: a failing search
  // never gets past that char, so it never reaches an error item after it either.
  let required = '';
  for (let k = 0; k < kind.length; k++) {
    const kk = kind[k];
    if (kk === K_CHAR && (quant[k] === Q_ONE || quant[k] === Q_PLUS)) {
      required = String.fromCharCode(arg[k]!);
      break;
    }
    if (!(kk === K_CHAR || kk === K_ANY || kk === K_SET || ((kk === K_OPEN || kk === K_POSCAP || kk === K_CLOSE) && !raises[k]))) break;
  }
  let variable = 0;
  for (let k = 0; k < quant.length; k++) if (quant[k] !== Q_ONE && (kind[k] === K_CHAR || kind[k] === K_ANY || kind[k] === K_SET)) variable++;
  return {
    kind: Int32Array.from(kind),
    quant: Int32Array.from(quant),
    arg: Int32Array.from(arg),
    set,
    errors,
    firstChar,
    firstSet,
    required,
    need,
    cost: variable >= 3 ? variable * variable : 0,
    regex: undefined,
    run: undefined,
    trim: undefined,
  };
}

function quantOf(c: number): number {
  switch (c) {
    case 63: return Q_OPT; // ?
    case 42: return Q_STAR; // *
    case 43: return Q_PLUS; // +
    case 45: return Q_MIN; // -
    default: return Q_ONE;
  }
}

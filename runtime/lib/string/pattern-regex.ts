// Translates a compiled Lua pattern program into an equivalent JS RegExp when one exists, so find/match/gmatch/gsub
// run on V8's native regexp engine instead of the interpreter in pattern-match.ts.
//
// Why this is faithful: a Lua pattern without %b, %f, back-references or position captures is a straight sequence
// of single-byte classes (each with ?, *, + or -), capture parentheses and a final $. lstrlib.c's match() explores
// such a sequence in exactly the order of a backtracking regexp: `*`/`+` try the longest run first and give back one
// byte at a time (greedy), `-` tries the shortest first (lazy `*?`), `?` tries with the byte first (greedy `?`).
// Every group takes part in every successful match (no alternation, no quantified groups), so captures agree too.
// Searching from successive start positions (str_find_aux, gmatch_aux, str_gsub) is what a global regexp's exec
// from lastIndex does. Anything else (and anything that may raise while matching) keeps the interpreter.
import { BUDGET } from '../../core/preempt.js';
import {
  K_ANY, K_CHAR, K_CLOSE, K_END, K_EOS, K_OPEN, K_SET, Q_MIN, Q_ONE, Q_OPT, Q_PLUS, Q_STAR, type Program,
} from './pattern-compile.js';

// Catastrophic backtracking (`("a*"):rep(28) .. "c"` against 28 a's: 2^28 paths) cannot be interrupted inside
// V8's backtracking engine. In a process runtime V8 reruns a regexp that backtracks past its limit on its linear-time
// engine (runtime/process/process-runtime.ts sets the flag; plain scripts, whose start-up must not load node:v8,
// backtrack as lua5.1 does), and each search is charged its program's cost (pattern-compile.ts Program.cost).

/** The interpreter's recursion budget (pattern-match.ts MAXCCALLS): deeper programs keep the interpreter so that
 * "pattern too complex" is raised exactly as before. */
const MAX_DEPTH = 200;
const MAX_CAPTURES = 32;

/**
 * A global regexp (sticky too when `anchored`) matching exactly as the program does, or null when the program needs
 * the interpreter; built on first use and kept on the program (a program belongs to one pattern, whose anchoring
 * never changes).
 */
export function programRegex(prog: Program, anchored: boolean): RegExp | null {
  BUDGET.n -= prog.cost;
  let re = prog.regex;
  if (re === undefined) {
    const src = regexSource(prog);
    re = prog.regex = src === null ? null : new RegExp(src, anchored ? 'gy' : 'g');
  }
  return re;
}

function hex2(c: number): string {
  return (c < 16 ? '\\x0' : '\\x') + c.toString(16);
}

/** A byte as a regexp atom that means only itself (inside or outside a class). */
function byteAtom(c: number): string {
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return String.fromCharCode(c);
  return hex2(c);
}

/** A 256-entry membership table as a regexp class, with ranges. */
function setClass(t: Uint8Array): string {
  let out = '';
  let members = 0;
  for (let c = 0; c < 256; ) {
    if (t[c] !== 1) {
      c++;
      continue;
    }
    let e = c;
    while (e + 1 < 256 && t[e + 1] === 1) e++;
    members += e - c + 1;
    out += e === c ? byteAtom(c) : e === c + 1 ? byteAtom(c) + byteAtom(e) : `${byteAtom(c)}-${byteAtom(e)}`;
    c = e + 1;
  }
  // Subjects hold bytes only (char codes 0..255), so a full table is "any character".
  if (members === 256) return '[^]';
  return `[${out}]`;
}

function quantifier(q: number): string {
  switch (q) {
    case Q_OPT: return '?';
    case Q_STAR: return '*';
    case Q_PLUS: return '+';
    case Q_MIN: return '*?';
    default: return '';
  }
}

function regexSource(prog: Program): string | null {
  const { kind, quant, arg, set } = prog;
  let out = '';
  let depth = 1;
  let open = 0;
  let captures = 0;
  for (let i = 0; ; i++) {
    const k = kind[i];
    if (k === K_END) break;
    switch (k) {
      case K_CHAR:
        out += byteAtom(arg[i]!) + quantifier(quant[i]!);
        break;
      case K_ANY:
        out += '[^]' + quantifier(quant[i]!);
        break;
      case K_SET:
        out += setClass(set[i]!) + quantifier(quant[i]!);
        break;
      case K_OPEN:
        if (++captures > MAX_CAPTURES) return null;
        open++;
        out += '(';
        depth++;
        break;
      case K_CLOSE:
        if (open === 0) return null; // raises "invalid pattern capture" when reached
        open--;
        out += ')';
        depth++;
        break;
      case K_EOS:
        out += '$';
        break;
      default:
        // position captures, %b, %f, back-references and malformed patterns
        return null;
    }
    if ((k === K_CHAR || k === K_ANY || k === K_SET) && quant[i] !== Q_ONE) depth++;
  }
  if (open !== 0) return null; // an unfinished capture raises when the match is pushed
  if (depth > MAX_DEPTH) return null;
  return out;
}

/**
 * re.exec from position `pos`; undefined when the regexp engine gave up (its backtracking stack overflowed on a
 * huge subject), in which case the caller runs the interpreter, which loops where V8 would stack.
 */
export function execFrom(re: RegExp, src: string, pos: number): RegExpExecArray | null | undefined {
  re.lastIndex = pos;
  try {
    return re.exec(src);
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

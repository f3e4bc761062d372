// Two pattern shapes common enough to match without a RegExp (whose every match allocates a result array): a run of
// one class (`%a+`, `%d+`, `[^,]+`, `(%w+)`, one byte of a class `[%c"\\]`, and for find and match `[ \t]*`) and a
// literal with no special characters (`;`, `, `). Both match at a position exactly when lstrlib.c's match() would;
// the ones that never match the empty string also find, searching forward from successive positions (str_gsub,
// gmatch_aux), the same matches as the interpreter.
import {
  K_ANY, K_CHAR, K_CLOSE, K_END, K_OPEN, K_SET, Q_ONE, Q_PLUS, Q_STAR, type CompiledPattern, type Program,
} from './pattern-compile.js';

/** A class run: the bytes of the class, its quantifier, and whether the whole run is the pattern's one capture. */
export interface ClassRun {
  set: Uint8Array;
  captured: boolean;
  /** Q_ONE (one byte), Q_PLUS (the longest run of one or more) or Q_STAR (of zero or more) */
  quant: number;
}

/** The class run a program is (`x`, `x+`, `x*`, or one of them captured, for one single-byte class x), or undefined. */
export function classRunOf(prog: Program): ClassRun | undefined {
  let run = prog.run;
  if (run === undefined) run = prog.run = findClassRun(prog);
  return run ?? undefined;
}

/** classRunOf, for searches that step over matches: only runs that never match the empty string. */
export function nonEmptyRunOf(prog: Program): ClassRun | undefined {
  const run = classRunOf(prog);
  return run !== undefined && run.quant !== Q_STAR ? run : undefined;
}

function findClassRun(prog: Program): ClassRun | null {
  const { kind, quant } = prog;
  const captured = kind[0] === K_OPEN;
  const i = captured ? 1 : 0;
  if (captured && (kind[2] !== K_CLOSE || kind[3] !== K_END)) return null;
  if (!captured && kind[1] !== K_END) return null;
  const q = quant[i]!;
  if (q !== Q_ONE && q !== Q_PLUS && q !== Q_STAR) return null;
  const k = kind[i];
  let set: Uint8Array;
  if (k === K_SET) set = prog.set[i]!;
  else if (k === K_CHAR) {
    set = new Uint8Array(256);
    set[prog.arg[i]!] = 1;
  } else if (k === K_ANY) set = new Uint8Array(256).fill(1);
  else return null;
  return { set, captured, quant: q };
}

/** Start of the first run at or after `pos`, or -1. */
export function runStart(set: Uint8Array, src: string, pos: number): number {
  const n = src.length;
  while (pos < n && set[src.charCodeAt(pos)] !== 1) pos++;
  return pos < n ? pos : -1;
}

/**
 * End of the match of `run` at `start`, where a byte of the class is (for Q_STAR, any position): one byte, or
 * greedily every following byte of the class.
 */
export function runEnd(run: ClassRun, src: string, start: number): number {
  if (run.quant === Q_ONE) return start + 1;
  const set = run.set;
  const n = src.length;
  let e = run.quant === Q_STAR ? start : start + 1;
  while (e < n && set[src.charCodeAt(e)] === 1) e++;
  return e;
}

/**
 * The literal a pattern is, or undefined: not empty, and no special character before the first NUL, nor a `)`
 * (not one of find's SPECIALS, but the matcher raises "invalid pattern capture" on it).
 */
export function literalOf(cp: CompiledPattern): string | undefined {
  return cp.noSpecials && cp.text.length > 0 && cp.text.indexOf(')') < 0 ? cp.text : undefined;
}

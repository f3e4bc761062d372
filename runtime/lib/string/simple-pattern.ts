// Two pattern shapes common enough to match without a RegExp (whose every match allocates a result array): a class
// run and a literal with no special characters (`;`, `, `). A class run is a few single-byte classes that match one
// byte each, then one that matches one byte, a run of one or more, or a run of zero or more: `%a+`, `[^,]+`, `(%w+)`,
// `[%c"\\]`, `[%a_][%w_]*`, `%d%d%d`, and for find and match `[ \t]*`. Only the last item varies, so its
// longest run is the match (nothing after it could need a byte back) and the shape matches at a position exactly
// when lstrlib.c's match() would; the ones that never match the empty string also find, searching forward from
// successive positions (str_gsub, gmatch_aux), the same matches as the interpreter.
import {
  K_ANY, K_CHAR, K_CLOSE, K_END, K_EOS, K_OPEN, K_SET, Q_MIN, Q_ONE, Q_PLUS, Q_STAR, type CompiledPattern, type Program,
} from './pattern-compile.js';

/** A class run (above): its items' classes, the last one's quantifier, whether the whole match is the one capture. */
export interface ClassRun {
  /** the classes of the items before the last, one byte each */
  head: Uint8Array[];
  /** the last item's class */
  set: Uint8Array;
  /** the last item's quantifier: Q_ONE (one byte), Q_PLUS (the longest run of one or more) or Q_STAR (of zero or more) */
  quant: number;
  /** the bytes a match starts with (head[0], else set) */
  first: Uint8Array;
  captured: boolean;
}

/** Longer heads are left to the RegExp. */
const MAX_HEAD = 8;

/** The class run a program is, or undefined. */
export function classRunOf(prog: Program): ClassRun | undefined {
  let run = prog.run;
  if (run === undefined) run = prog.run = findClassRun(prog);
  return run ?? undefined;
}

/** classRunOf, for searches that step over matches: only runs that never match the empty string. */
export function nonEmptyRunOf(prog: Program): ClassRun | undefined {
  const run = classRunOf(prog);
  return run !== undefined && (run.quant !== Q_STAR || run.head.length > 0) ? run : undefined;
}

function itemClass(prog: Program, i: number): Uint8Array | null {
  const k = prog.kind[i];
  if (k === K_SET) return prog.set[i]!;
  if (k === K_CHAR) {
    const t = new Uint8Array(256);
    t[prog.arg[i]!] = 1;
    return t;
  }
  if (k === K_ANY) return new Uint8Array(256).fill(1);
  return null;
}

function findClassRun(prog: Program): ClassRun | null {
  const { kind, quant } = prog;
  const captured = kind[0] === K_OPEN;
  let i = captured ? 1 : 0;
  const head: Uint8Array[] = [];
  for (;;) {
    const set = itemClass(prog, i);
    if (set === null) return null;
    const q = quant[i]!;
    const next = kind[i + 1];
    const last = captured ? next === K_CLOSE && kind[i + 2] === K_END : next === K_END;
    if (last) {
      if (q !== Q_ONE && q !== Q_PLUS && q !== Q_STAR) return null;
      return { head, set, quant: q, first: head.length > 0 ? head[0]! : set, captured };
    }
    if (q !== Q_ONE || head.length >= MAX_HEAD) return null;
    head.push(set);
    i++;
  }
}

/** End of the match of `run` at `p`, or -1 when it does not match there. */
export function runMatchAt(run: ClassRun, src: string, p: number): number {
  const n = src.length;
  const head = run.head;
  let e = p;
  for (let h = 0; h < head.length; h++) {
    if (e >= n || head[h]![src.charCodeAt(e)] !== 1) return -1;
    e++;
  }
  const set = run.set;
  const q = run.quant;
  if (q !== Q_STAR) {
    if (e >= n || set[src.charCodeAt(e)] !== 1) return -1;
    e++;
    if (q === Q_ONE) return e;
  }
  while (e < n && set[src.charCodeAt(e)] === 1) e++;
  return e;
}

/** The end of the last match runSearch found. */
export let runSearchEnd = 0;

/**
 * Start of the first match of `run` at or after `pos` (every start position, as str_find_aux), or -1; its end in
 * runSearchEnd. For runs that can match the empty string that is `pos` itself.
 */
export function runSearch(run: ClassRun, src: string, pos: number): number {
  const n = src.length;
  const first = run.first;
  if (run.quant === Q_STAR && run.head.length === 0) {
    runSearchEnd = runMatchAt(run, src, pos);
    return pos;
  }
  for (;;) {
    while (pos < n && first[src.charCodeAt(pos)] !== 1) pos++;
    if (pos >= n) return -1;
    const e = runMatchAt(run, src, pos);
    if (e >= 0) {
      runSearchEnd = e;
      return pos;
    }
    pos++;
  }
}

/**
 * A trim: `^A*(.-)B*$`, single-byte classes A and B (`^%s*(.-)%s*$`, the usual way Lua code trims). The matcher takes
 * the longest run of A at the start (the rest then always matches: `.-` can take everything), then the shortest
 * capture after which only bytes of B are left; so the capture runs from the end of the leading A run to the start
 * of the trailing B run, or is empty where the two meet, and the match ends at the end of the subject.
 */
export interface TrimShape {
  lead: Uint8Array;
  trail: Uint8Array;
}

/** The trim a program (compiled after its '^') is, or undefined. */
export function trimShapeOf(prog: Program): TrimShape | undefined {
  let t = prog.trim;
  if (t === undefined) t = prog.trim = findTrim(prog);
  return t ?? undefined;
}

function findTrim(prog: Program): TrimShape | null {
  const { kind, quant } = prog;
  if (kind.length !== 7 || kind[1] !== K_OPEN || kind[2] !== K_ANY || quant[2] !== Q_MIN || kind[3] !== K_CLOSE) return null;
  if (kind[5] !== K_EOS || kind[6] !== K_END || quant[0] !== Q_STAR || quant[4] !== Q_STAR) return null;
  const lead = itemClass(prog, 0);
  const trail = itemClass(prog, 4);
  if (lead === null || trail === null || kind[0] === K_ANY || kind[4] === K_ANY) return null;
  return { lead, trail };
}

/** The capture of `trim` matched at `p` (the match itself ends at the end of src): its start, its end in trimEnd. */
export let trimEnd = 0;
export function trimAt(trim: TrimShape, src: string, p: number): number {
  const n = src.length;
  const lead = trim.lead;
  let a = p;
  while (a < n && lead[src.charCodeAt(a)] === 1) a++;
  const trail = trim.trail;
  let b = n;
  while (b > a && trail[src.charCodeAt(b - 1)] === 1) b--;
  trimEnd = b;
  return a;
}

/**
 * The literal a pattern is, or undefined: not empty, and no special character before the first NUL, nor a `)`
 * (not one of find's SPECIALS, but the matcher raises "invalid pattern capture" on it).
 */
export function literalOf(cp: CompiledPattern): string | undefined {
  return cp.noSpecials && cp.text.length > 0 && cp.text.indexOf(')') < 0 ? cp.text : undefined;
}

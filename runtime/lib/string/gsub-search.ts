// What string.gsub's two drivers share (gsub.ts, plain, and gsub-y.ts, the process-mode form whose replacement
// function runs as its generator twin): finding the next match, and building the result from the replacements.
import { luaError } from '../../core/errors.js';
import { numberToString } from '../../core/number-format.js';
import { ret2 } from '../../core/results.js';
import { typeName } from '../../core/value.js';
import type { CompiledPattern } from './pattern-compile.js';
import { execFrom, programRegex } from './pattern-regex.js';
import { acquireState, getCapture, matchAt, releaseState, type MatchState } from './pattern-match.js';
import { literalOf, nonEmptyRunOf, runSearch, runSearchEnd, trimAt, trimEnd, trimShapeOf, type TrimShape } from './simple-pattern.js';

/**
 * The matches of one pattern in one subject, in str_gsub's order: a literal or a class run is found without a
 * RegExp (simple-pattern.ts), other patterns by a RegExp while the engine takes the subject, else by the interpreter.
 * `release()` when done (the match state is pooled).
 */
export class GsubSearch {
  /** the end of the match `find` found */
  e = -1;
  /** its RegExp match, or null when the match state `ms` holds its captures */
  m: RegExpExecArray | null = null;
  readonly ms: MatchState;
  readonly anchored: boolean;
  private readonly literal: string | undefined;
  private readonly run: ReturnType<typeof nonEmptyRunOf>;
  private readonly trim: TrimShape | undefined;
  private re: RegExp | null;
  private readonly fset: Uint8Array | undefined;
  /** a byte every match contains (pattern-compile.ts `required`), '' when none or anchored */
  private readonly required: string;

  constructor(
    readonly src: string,
    cp: CompiledPattern,
  ) {
    const anchored = cp.anchored;
    this.anchored = anchored;
    this.literal = anchored ? undefined : literalOf(cp);
    this.run = anchored || this.literal !== undefined ? undefined : nonEmptyRunOf(cp.prog);
    this.trim = this.literal === undefined && this.run === undefined ? trimShapeOf(cp.prog) : undefined;
    this.re = this.literal === undefined && this.run === undefined && this.trim === undefined ? programRegex(cp.prog, anchored) : null;
    this.ms = acquireState(src, cp.prog);
    this.fset = anchored ? undefined : cp.prog.firstSet;
    this.required = anchored ? '' : cp.prog.required;
  }

  /** The start of the next match at or after `pos` (only at `pos` when anchored), or -1 when there is none. */
  find(pos: number): number {
    const src = this.src;
    const ms = this.ms;
    const literal = this.literal;
    if (literal !== undefined) {
      const s = src.indexOf(literal, pos);
      if (s < 0) return -1;
      this.e = s + literal.length;
      this.m = null;
      ms.level = 0;
      return s;
    }
    const trim = this.trim;
    if (trim !== undefined) {
      // a trim matches at pos, to the end of the subject, its one capture between the two runs
      const a = trimAt(trim, src, pos);
      this.e = src.length;
      this.m = null;
      ms.level = 1;
      ms.capInit[0] = a;
      ms.capLen[0] = trimEnd - a;
      return pos;
    }
    const run = this.run;
    if (run !== undefined) {
      const s = runSearch(run, src, pos);
      if (s < 0) return -1;
      const e = runSearchEnd;
      this.e = e;
      this.m = null;
      ms.level = run.captured ? 1 : 0;
      ms.capInit[0] = s;
      ms.capLen[0] = e - s;
      return s;
    }
    // no match is left when the rest lacks a byte every match contains: one indexOf, no more than a search scans
    if (this.required !== '' && src.indexOf(this.required, pos) < 0) return -1;
    let m: RegExpExecArray | null | undefined;
    if (this.re !== null && (m = execFrom(this.re, src, pos)) !== undefined) {
      if (m === null) return -1;
      this.e = m.index + m[0].length;
      this.m = m;
      return m.index;
    }
    this.re = null; // the regexp engine gave up on this subject: the interpreter does the rest
    this.m = null;
    const srcl = src.length;
    const fset = this.fset;
    let e = -1;
    for (;;) {
      if (fset !== undefined) {
        while (pos < srcl && fset[src.charCodeAt(pos)] !== 1) pos++;
        if (pos >= srcl) break;
      }
      e = matchAt(ms, pos);
      if (e >= 0 || this.anchored || pos >= srcl) break;
      pos++;
    }
    if (e < 0) return -1;
    this.e = e;
    return pos;
  }

  /** The captures of the match at s..e a function replacement receives (the whole match when there are none). */
  captures(s: number, e: number): unknown[] {
    const m = this.m;
    if (m !== null) return m.length > 1 ? m.slice(1) : [m[0]];
    const level = this.ms.level;
    const args = new Array<unknown>(level === 0 ? 1 : level);
    for (let i = 0; i < args.length; i++) args[i] = getCapture(this.ms, i, s, e);
    return args;
  }

  release(): void {
    releaseState(this.ms);
  }
}

/**
 * Whether no match of `cp` can start anywhere in `src`: an unanchored pattern whose first consuming item must match a
 * byte of its firstSet (so no empty match either) finds nothing in a subject without such a byte, nor one with a
 * required byte in a subject without it. The matcher would fail at every position before reaching anything that
 * raises (pattern-compile.ts `need` and `required`).
 */
export function cannotStart(cp: CompiledPattern, src: string): boolean {
  if (cp.anchored) return false;
  const req = cp.prog.required;
  if (req !== '' && src.indexOf(req) < 0) return true; // a byte every match contains is not there
  const fset = cp.prog.firstSet;
  if (fset === undefined) return false;
  for (let i = 0; i < src.length; i++) if (fset[src.charCodeAt(i)] === 1) return false;
  return true;
}

/** Pieces a gsub result may gather before it is flattened (about 64 MiB of rope nodes). */
const ROPE_PIECES = 2 ** 21;

/** gsub's result: the subject with replacements put in, unmatched text copied in spans. */
export class GsubOutput {
  private out = '';
  /** pieces appended to out since it was last flattened */
  private sinceFlat = 0;
  /** src[copied..] still has to be copied to out */
  private copied = 0;

  constructor(private readonly src: string) {}

  /** add_value's end: replacement `v` (false or nil keep the match) for the match at s..e. */
  replace(s: number, e: number, v: unknown): void {
    if (v === undefined || v === false) return; // the original text stays in the uncopied span
    if (typeof v === 'number') v = numberToString(v);
    else if (typeof v !== 'string') throw luaError(`invalid replacement value (a ${typeName(v)})`);
    this.out += this.src.slice(this.copied, s) + (v as string);
    this.copied = e;
    // A rope of millions of tiny pieces costs V8 ~32 bytes a piece: 2^28 one-byte replacements took ~10 GB and
    // killed the node before the string reached its length limit. Flattened (charCodeAt does it) once the pieces
    // since the last flatten outweigh the text, which keeps the copying linear overall.
    if (++this.sinceFlat > ROPE_PIECES && this.sinceFlat * 32 > this.out.length) {
      this.out.charCodeAt(0);
      this.sinceFlat = 0;
    }
  }

  /** gsub's two results: the new string and the number of matches `n`. */
  result(n: number): unknown {
    if (this.copied === 0 && this.out === '') return ret2(this.src, n);
    return ret2(this.out + this.src.slice(this.copied), n);
  }
}

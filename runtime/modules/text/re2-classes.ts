// Character classes of RE2 patterns as sets of code point ranges, and their JS form for byte strings: a Lua string
// is UTF-8 bytes, and the translated RegExp matches those bytes directly (no `u` flag, so V8's linear engine can take
// over from a backtracking run, as RE2 is linear), so a class becomes the alternation of the UTF-8 byte sequences of
// its code points (the construction RE2 and Go's regexp use for UTF-8 automata).

/** Sorted, disjoint, non-adjacent inclusive code point ranges. */
export type Ranges = Array<[number, number]>;

export const MAX_RUNE = 0x10ffff;

export function normalize(rs: Ranges): Ranges {
  const sorted = [...rs].sort((a, b) => a[0] - b[0]);
  const out: Ranges = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export function complement(rs: Ranges): Ranges {
  const out: Ranges = [];
  let next = 0;
  for (const [lo, hi] of normalize(rs)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}

const r = (lo: string, hi: string): [number, number] => [lo.codePointAt(0)!, hi.codePointAt(0)!];

/** Perl classes (\d \w \s: ASCII in RE2) and POSIX classes ([:alpha:]). */
export const PERL: Record<string, Ranges> = {
  d: [r('0', '9')],
  w: [r('0', '9'), r('A', 'Z'), r('_', '_'), r('a', 'z')],
  s: [[9, 10], [12, 13], [32, 32]],
};

export const POSIX: Record<string, Ranges> = {
  alnum: [r('0', '9'), r('A', 'Z'), r('a', 'z')],
  alpha: [r('A', 'Z'), r('a', 'z')],
  ascii: [[0, 0x7f]],
  blank: [[9, 9], [32, 32]],
  cntrl: [[0, 0x1f], [0x7f, 0x7f]],
  digit: [r('0', '9')],
  graph: [[0x21, 0x7e]],
  lower: [r('a', 'z')],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[9, 13], [32, 32]],
  upper: [r('A', 'Z')],
  word: [r('0', '9'), r('A', 'Z'), r('_', '_'), r('a', 'z')],
  xdigit: [r('0', '9'), r('A', 'F'), r('a', 'f')],
};

const unicodeCache = new Map<string, Ranges>();

/**
 * A Unicode class by RE2's name (`L`, `Lu`, `Greek`, `Any`): its ranges, read once from V8's own Unicode tables
 * (`\p{...}` of a `u` RegExp, a general category or else a script), or undefined for a name neither knows.
 */
export function unicodeClass(name: string): Ranges | undefined {
  const hit = unicodeCache.get(name);
  if (hit !== undefined) return hit;
  let out: Ranges | undefined;
  if (name === 'Any') out = [[0, MAX_RUNE]];
  else if (/^[A-Za-z_]+$/.test(name)) {
    let re: RegExp | undefined;
    for (const src of [`^\\p{${name}}$`, `^\\p{Script=${name}}$`]) {
      try {
        re = new RegExp(src, 'u');
        break;
      } catch {
        // not this kind of property
      }
    }
    if (re !== undefined) {
      out = [];
      let start = -1;
      for (let c = 0; c <= MAX_RUNE + 1; c++) {
        const inside = c <= MAX_RUNE && (c < 0xd800 || c > 0xdfff) && re.test(String.fromCodePoint(c));
        if (inside && start < 0) start = c;
        else if (!inside && start >= 0) {
          out.push([start, c - 1]);
          start = -1;
        }
      }
    }
  }
  // only names that exist are kept (a finite set): the cache serves every process, and unknown names are unbounded
  if (out !== undefined) unicodeCache.set(name, out);
  return out;
}

/**
 * Adds the other case of every character in `rs` that has a simple one (one code point to one), as (?i) does. A range
 * wider than what is left of the budget is taken as it is: such ranges (complements, `\p{L}`) hold their folds.
 */
export function fold(rs: Ranges): Ranges {
  const out: Ranges = [...rs];
  let budget = 0x11000;
  for (const [lo, hi] of rs) {
    if (hi - lo + 1 > budget) continue;
    budget -= hi - lo + 1;
    for (let c = lo; c <= hi; c++) {
      const ch = String.fromCodePoint(c);
      for (const other of [ch.toLowerCase(), ch.toUpperCase()]) {
        const cp = other.codePointAt(0)!;
        if (cp !== c && String.fromCodePoint(cp) === other) out.push([cp, cp]);
      }
    }
  }
  return normalize(out);
}

function utf8(c: number): number[] {
  return [...Buffer.from(String.fromCodePoint(c), 'utf8')];
}

/** The UTF-8 byte-range sequences whose union encodes exactly the code points lo..hi (surrogates excluded). */
function sequences(lo: number, hi: number, out: Array<Array<[number, number]>>): void {
  if (lo > hi) return;
  if (lo <= 0xdfff && hi >= 0xd800) {
    sequences(lo, Math.min(hi, 0xd7ff), out);
    sequences(Math.max(lo, 0xe000), hi, out);
    return;
  }
  for (const b of [0x7f, 0x7ff, 0xffff]) {
    if (lo <= b && hi > b) {
      sequences(lo, b, out);
      sequences(b + 1, hi, out);
      return;
    }
  }
  if (hi <= 0x7f) {
    out.push([[lo, hi]]);
    return;
  }
  const n = hi <= 0x7ff ? 2 : hi <= 0xffff ? 3 : 4;
  for (let i = 1; i < n; i++) {
    const m = (1 << (6 * i)) - 1;
    if ((lo & ~m) !== (hi & ~m)) {
      if ((lo & m) !== 0) {
        sequences(lo, lo | m, out);
        sequences((lo | m) + 1, hi, out);
        return;
      }
      if ((hi & m) !== m) {
        sequences(lo, (hi & ~m) - 1, out);
        sequences(hi & ~m, hi, out);
        return;
      }
    }
  }
  const a = utf8(lo);
  const b = utf8(hi);
  out.push(a.map((x, i) => [x, b[i]!] as [number, number]));
}

export const hex = (b: number): string => `\\x${b.toString(16).padStart(2, '0')}`;
const byteRange = ([lo, hi]: [number, number]): string => (lo === hi ? hex(lo) : `[${hex(lo)}-${hex(hi)}]`);

/** Matches no byte string position at all. */
export const NOTHING = '[^\\x00-\\u0100]'; // no byte, nor the \r alias of multiline sources

/**
 * The JS source matching one character of the set: for `ascii` subjects (every byte < 0x80) its ASCII part only;
 * otherwise also the UTF-8 sequences of its other code points, and, when the set holds U+FFFD (Go reads an invalid
 * byte as U+FFFD), any single byte of 0x80..0xFF the longer sequences did not take.
 */
export function classSource(rs: Ranges, ascii: boolean, crAlias?: string): string {
  const set = normalize(rs);
  const low: string[] = [];
  const seqs: Array<Array<[number, number]>> = [];
  for (const [lo, hi] of set) {
    if (lo <= 0x7f) low.push(lo === Math.min(hi, 0x7f) ? hex(lo) : `${hex(lo)}-${hex(Math.min(hi, 0x7f))}`);
    if (!ascii && hi > 0x7f) sequences(Math.max(lo, 0x80), hi, seqs);
    // a multiline source reads the subject's \r as crAlias (re2-syntax.ts)
    if (crAlias !== undefined && lo <= 0x0d && hi >= 0x0d) low.push(crAlias);
  }
  const parts: string[] = [];
  if (low.length > 0) parts.push(`[${low.join('')}]`);
  for (const s of seqs) parts.push(s.map(byteRange).join(''));
  if (!ascii && set.some(([lo, hi]) => lo <= 0xfffd && hi >= 0xfffd)) parts.push('[\\x80-\\xff]');
  if (parts.length === 0) return NOTHING;
  if (parts.length === 1 && low.length === 1) return parts[0]!;
  return `(?:${parts.join('|')})`;
}

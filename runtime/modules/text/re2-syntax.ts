// RE2 patterns (Go's regexp: what Wippy's text.regexp and expr's `matches` run) read by our own parser and written as
// JS RegExp source over byte strings. What RE2 refuses is refused with Go's message ("error parsing regexp: missing
// closing ]: `[invalid`"): backreferences, lookaround, atomic groups, bad group names, repeat counts over 1000,
// nested repetition operators, unknown escapes. Everything RE2 accepts is given RE2's meaning, whatever JS would make
// of it: UTF-8 characters (`.` and classes match whole characters; an invalid byte reads as U+FFFD), ASCII `\d \w \s
// \b`, POSIX classes, `\pL` / `\p{Greek}`, `\Q...\E`, `\A` and `\z`, `$` only at the very end, flags i, m, s, U at
// the start, inline and scoped (`(?i:...)`). The source uses no JS flag but `g` (and `m`, below), no lookaround
// except for `(?m)`'s line anchors in a pattern that also has absolute ones: V8's linear engine can then take over
// from a run that backtracks too much, so a pattern stays linear in its subject as RE2 guarantees. Two sources are
// made: one for subjects that are all ASCII (the common case, plain JS classes) and one for any bytes.
//
// (?m): JS's multiline mode takes \r as a line end too, where RE2 takes only \n, and the lookaround that would tell
// them apart is something V8's linear engine does not run (`(?m)^(a|a)*$` hung the node). So a pattern whose every
// anchor is a (?m) line anchor is written for the JS `m` flag over a subject whose \r bytes are read as U+0100
// (Re2Translation.multiline): wherever the pattern takes \r it takes U+0100 as well.
import { classSource, complement, fold, hex, MAX_RUNE, normalize, PERL, POSIX, unicodeClass, type Ranges } from './re2-classes.js';

export class Re2SyntaxError extends Error {
  constructor(code: string, expr: string) {
    super(`error parsing regexp: ${code}: \`${expr}\``);
  }
}

export interface Re2Translation {
  /** the source for subjects whose every byte is below 0x80 */
  ascii: string;
  /** the source for any byte string */
  utf8: string;
  /** the name of each capture group by number (index 0, the whole match, is '') */
  names: string[];
  /** written for the JS `m` flag: the subject is matched with each \r read as U+0100 */
  multiline: boolean;
}

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
}

const MAX_REPEAT = 1000;
const MAX_HEIGHT = 1000;
const SIMPLE_ESCAPES: Record<string, number> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };
// JS syntax characters, escaped when they are literals
const JS_SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));

/** A piece of pattern: a literal code point, a class, or JS source as it is (anchors, word boundaries). */
type Piece = { cp: number } | { ranges: Ranges } | { raw: string };

export function translateRe2(pattern: string): Re2Translation {
  const t = new Translator(pattern, false);
  const r = t.run();
  return t.lineAnchors > 0 && t.absoluteAnchors === 0 ? new Translator(pattern, true).run() : r;
}

/** U+0100, what a multiline source reads a \r of the subject as (a char no byte string holds). */
export const CR_ALIAS = '\u0100';

class Translator {
  private i = 0;
  private ascii = '';
  private utf8 = '';
  private readonly names: string[] = [''];
  /** open groups: the flags to restore at their `)` */
  private readonly open: Flags[] = [];
  private flags: Flags = { i: false, m: false, s: false, U: false };
  /** what the last item was: nothing repeatable, an atom, or a repetition (possibly made lazy) */
  private last: 'none' | 'atom' | 'repeat' | 'lazy' = 'none';
  private lastRepeatAt = 0;
  /** the (?m) ^ and $ anchors, and the others (\A, \z, ^ and $ without m) */
  lineAnchors = 0;
  absoluteAnchors = 0;

  /** multiline: written for the JS `m` flag, \r read as U+0100 (Re2Translation.multiline) */
  constructor(
    private readonly p: string,
    private readonly multiline: boolean,
  ) {}

  run(): Re2Translation {
    while (this.i < this.p.length) this.item();
    if (this.open.length > 0) throw new Re2SyntaxError('missing closing )', this.p);
    return { ascii: this.ascii, utf8: this.utf8, names: this.names, multiline: this.multiline };
  }

  /** Go's parser refuses nesting past 1000 levels (maxHeight), before anything walks it recursively. */
  private openGroup(): void {
    if (this.open.length >= MAX_HEIGHT) throw new Re2SyntaxError('expression nests too deeply', this.p);
    this.open.push(this.flags);
  }

  private classOf(ranges: Ranges, ascii: boolean): string {
    return classSource(ranges, ascii, this.multiline ? CR_ALIAS : undefined);
  }

  /** A line anchor under (?m), or an absolute one: `(?m)^` is `^` only with the JS m flag. */
  private anchor(js: string, line: boolean, lookaround: string): void {
    if (line) this.lineAnchors++;
    else this.absoluteAnchors++;
    this.emit(line && !this.multiline ? lookaround : js);
  }

  private emit(a: string, u = a): void {
    this.ascii += a;
    this.utf8 += u;
  }

  private atom(piece: Piece): void {
    if ('raw' in piece) {
      // \A and \z
      if (piece.raw === '^' || piece.raw === '$') this.absoluteAnchors++;
      this.emit(piece.raw);
    }
    else if ('ranges' in piece) this.emit(this.classOf(piece.ranges, true), this.classOf(piece.ranges, false));
    else this.literal(piece.cp);
    this.last = 'raw' in piece ? 'none' : 'atom';
  }

  private literal(cp: number): void {
    if (this.flags.i) {
      const folded = fold([[cp, cp]]);
      if (folded.length > 1 || folded[0]![0] !== folded[0]![1]) {
        this.emit(this.classOf(folded, true), this.classOf(folded, false));
        return;
      }
    }
    if (cp === 0x0d && this.multiline) {
      this.emit(`[${hex(cp)}${CR_ALIAS}]`);
      return;
    }
    if (cp < 0x80) {
      const ch = String.fromCharCode(cp);
      this.emit(JS_SYNTAX.has(ch) ? `\\${ch}` : cp < 0x20 || cp === 0x7f ? hex(cp) : ch);
      return;
    }
    // a whole character: its UTF-8 bytes, grouped so a repetition takes them together
    this.emit(`(?:${[...Buffer.from(String.fromCodePoint(cp), 'utf8')].map(hex).join('')})`);
  }

  private item(): void {
    const p = this.p;
    const c = p[this.i]!;
    switch (c) {
      case '\\':
        for (const piece of this.escape(false)) this.atom(piece);
        return;
      case '[':
        return this.atom({ ranges: this.charClass() });
      case '(':
        return this.group();
      case ')':
        if (this.open.length === 0) throw new Re2SyntaxError('unexpected )', p);
        this.flags = this.open.pop()!;
        this.i++;
        this.emit(')');
        this.last = 'atom';
        return;
      case '*':
      case '+':
      case '?':
        return this.repeat(c);
      case '{': {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(this.i));
        if (m === null) {
          // not a repeat count: a literal brace, as in RE2
          this.i++;
          return this.atom({ cp: 0x7b });
        }
        const min = Number(m[1]);
        const max = m[2] === undefined ? min : m[3] === '' ? undefined : Number(m[3]);
        if (min > MAX_REPEAT || (max !== undefined && (max > MAX_REPEAT || max < min))) throw new Re2SyntaxError('invalid repeat count', m[0]);
        return this.repeat(m[0]);
      }
      case '|':
        this.i++;
        this.emit('|');
        this.last = 'none';
        return;
      case '^':
        this.i++;
        // (?m): after any \n too (the lookaround only where the JS m flag cannot be used)
        this.anchor('^', this.flags.m, '(?:^|(?<=\\n))');
        this.last = 'none';
        return;
      case '$':
        this.i++;
        // RE2's $ is the very end (JS's without the m flag too), or before any \n with (?m)
        this.anchor('$', this.flags.m, '(?:$|(?=\\n))');
        this.last = 'none';
        return;
      case '.': {
        this.i++;
        const any: Ranges = this.flags.s ? [[0, MAX_RUNE]] : [[0, 9], [11, MAX_RUNE]];
        return this.atom({ ranges: any });
      }
      default: {
        const cp = p.codePointAt(this.i)!;
        this.i += cp > 0xffff ? 2 : 1;
        return this.atom({ cp });
      }
    }
  }

  private repeat(op: string): void {
    const at = this.i;
    this.i += op.length;
    if (op === '?' && this.last === 'repeat') {
      // `x*?`: the other greediness of the repetition before ((?U) swaps which one is lazy)
      if (!this.flags.U) this.emit('?');
      else this.dropLazy();
      this.last = 'lazy';
      return;
    }
    if (this.last === 'repeat' || this.last === 'lazy') throw new Re2SyntaxError('invalid nested repetition operator', this.p.slice(this.lastRepeatAt, this.i));
    if (this.last !== 'atom') throw new Re2SyntaxError('missing argument to repetition operator', op);
    this.emit(this.flags.U ? `${op}?` : op);
    this.last = 'repeat';
    this.lastRepeatAt = at;
  }

  /** Under (?U) repetitions are emitted lazy; a `?` after one makes it greedy again. */
  private dropLazy(): void {
    this.ascii = this.ascii.slice(0, -1);
    this.utf8 = this.utf8.slice(0, -1);
  }

  private group(): void {
    const p = this.p;
    const rest = p.slice(this.i);
    if (rest[1] !== '?') {
      this.i++;
      this.openGroup();
      this.names.push('');
      this.emit('(');
      this.last = 'none';
      return;
    }
    const named = /^\(\?P?<([^>]*)>/.exec(rest);
    if (named !== null && !rest.startsWith('(?<=') && !rest.startsWith('(?<!')) {
      const name = named[1]!;
      if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Re2SyntaxError('invalid named capture', named[0]);
      if (this.names.includes(name)) throw new Re2SyntaxError('duplicate capture group name', named[0]);
      this.names.push(name);
      this.i += named[0].length;
      this.openGroup();
      // names are kept here, not in JS (a JS group name cannot start with a digit)
      this.emit('(');
      this.last = 'none';
      return;
    }
    const flags = /^\(\?([imsU]*)(?:-([imsU]*))?(:|\))/.exec(rest);
    if (flags !== null && (flags[1] !== '' || flags[2] !== undefined || flags[3] === ':')) {
      const [whole, on, off, end] = flags;
      if (off === '' || (on === '' && off === undefined && end === ')')) throw new Re2SyntaxError('invalid or unsupported Perl syntax', whole);
      const next = { ...this.flags };
      for (const f of on!) next[f as keyof Flags] = true;
      for (const f of off ?? '') next[f as keyof Flags] = false;
      this.i += whole.length;
      if (end === ':') {
        this.openGroup();
        this.emit('(?:');
      }
      this.last = 'none';
      this.flags = next;
      return;
    }
    // lookahead, lookbehind, atomic groups, comments, ...: not RE2
    throw new Re2SyntaxError('invalid or unsupported Perl syntax', rest.slice(0, Math.min(rest.length, rest[2] === '<' ? 4 : 3)));
  }

  /** The escape at this.i (its backslash): the pieces it stands for (\Q...\E can stand for several). */
  private escape(inClass: boolean): Piece[] {
    const p = this.p;
    const e = p[this.i + 1];
    if (e === undefined) throw new Re2SyntaxError('trailing backslash at end of expression', '');
    this.i += 2;
    if (e in SIMPLE_ESCAPES) return [{ cp: SIMPLE_ESCAPES[e]! }];
    const perl = PERL[e.toLowerCase()];
    if (perl !== undefined) return [{ ranges: e === e.toLowerCase() ? perl : complement(perl) }];
    switch (e) {
      case 'b':
      case 'B':
        // JS's \b without the u flag is the ASCII word boundary, as RE2's
        if (inClass) throw new Re2SyntaxError('invalid escape sequence', `\\${e}`);
        return [{ raw: `\\${e}` }];
      case 'A':
        if (inClass) throw new Re2SyntaxError('invalid escape sequence', '\\A');
        return [{ raw: '^' }];
      case 'z':
        if (inClass) throw new Re2SyntaxError('invalid escape sequence', '\\z');
        return [{ raw: '$' }];
      case 'p':
      case 'P': {
        const m = /^\{(\^?)([A-Za-z_]+)\}|^([A-Za-z])/.exec(p.slice(this.i));
        if (m === null) throw new Re2SyntaxError('invalid character class range', `\\${e}${p.slice(this.i, this.i + 1)}`);
        this.i += m[0].length;
        const name = m[2] ?? m[3]!;
        const ranges = unicodeClass(name);
        if (ranges === undefined) throw new Re2SyntaxError('invalid character class range', `\\${e}${m[0]}`);
        const negate = (m[1] === '^') !== (e === 'P');
        return [{ ranges: negate ? complement(ranges) : ranges }];
      }
      case 'x': {
        const m = /^\{([0-9A-Fa-f]{1,8})\}|^([0-9A-Fa-f]{2})/.exec(p.slice(this.i));
        if (m === null) throw new Re2SyntaxError('invalid escape sequence', `\\x${p.slice(this.i, this.i + 2)}`);
        this.i += m[0].length;
        const cp = parseInt(m[1] ?? m[2]!, 16);
        if (cp > MAX_RUNE) throw new Re2SyntaxError('invalid escape sequence', `\\x${m[0]}`);
        return [{ cp }];
      }
      case 'Q': {
        if (inClass) throw new Re2SyntaxError('invalid escape sequence', '\\Q');
        const end = p.indexOf('\\E', this.i);
        const text = end < 0 ? p.slice(this.i) : p.slice(this.i, end);
        this.i = end < 0 ? p.length : end + 2;
        // literal characters one by one: a repetition after \E applies to the last of them, as in RE2
        return [...text].map((ch) => ({ cp: ch.codePointAt(0)! }));
      }
      default:
        break;
    }
    if (/[0-7]/.test(e)) {
      // octal \123 (and \0); \1-\9 alone would be backreferences, which RE2 refuses
      const m = /^[0-7]{0,2}/.exec(p.slice(this.i))![0];
      if (e !== '0' && m.length < 2) throw new Re2SyntaxError('invalid escape sequence', `\\${e}${m}`);
      this.i += m.length;
      return [{ cp: parseInt(e + m, 8) }];
    }
    if (/[0-9A-Za-z]/.test(e) || e.codePointAt(0)! >= 0x80) throw new Re2SyntaxError('invalid escape sequence', `\\${e}`);
    // any other punctuation stands for itself
    return [{ cp: e.codePointAt(0)! }];
  }

  /** A bracketed class at this.i: its code point ranges (folded under (?i), complemented when negated). */
  private charClass(): Ranges {
    const p = this.p;
    const start = this.i;
    this.i++;
    let negate = false;
    if (p[this.i] === '^') {
      negate = true;
      this.i++;
    }
    const out: Ranges = [];
    let first = true;
    for (;;) {
      if (this.i >= p.length) throw new Re2SyntaxError('missing closing ]', p.slice(start));
      if (p[this.i] === ']' && !first) {
        this.i++;
        break;
      }
      first = false;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(p.slice(this.i));
      if (posix !== null) {
        const set = POSIX[posix[2]!];
        if (set === undefined) throw new Re2SyntaxError('invalid character class range', posix[0]);
        out.push(...(posix[1] === '^' ? complement(set) : set));
        this.i += posix[0].length;
        continue;
      }
      const loStart = this.i;
      const lo = this.classChar(start);
      if (typeof lo !== 'number') {
        out.push(...lo);
        continue;
      }
      if (p[this.i] === '-' && p[this.i + 1] !== ']' && this.i + 1 < p.length) {
        this.i++;
        const hi = this.classChar(start);
        if (typeof hi !== 'number' || hi < lo) throw new Re2SyntaxError('invalid character class range', p.slice(loStart, this.i));
        out.push([lo, hi]);
        continue;
      }
      out.push([lo, lo]);
    }
    let ranges = normalize(out);
    if (this.flags.i) ranges = fold(ranges);
    return negate ? complement(ranges) : ranges;
  }

  /** One member of a class: a code point, or the ranges of an escape such as \d. */
  private classChar(start: number): number | Ranges {
    const p = this.p;
    if (this.i >= p.length) throw new Re2SyntaxError('missing closing ]', p.slice(start));
    if (p[this.i] === '\\') {
      const [piece] = this.escape(true);
      if (piece === undefined || 'raw' in piece) throw new Re2SyntaxError('invalid escape sequence', p.slice(this.i - 2, this.i));
      return 'cp' in piece ? piece.cp : piece.ranges;
    }
    const cp = p.codePointAt(this.i)!;
    this.i += cp > 0xffff ? 2 : 1;
    return cp;
  }
}

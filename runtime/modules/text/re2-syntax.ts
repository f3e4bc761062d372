// RE2 patterns (Go's regexp, what Wippy's text.regexp and expr's `matches` run) checked and translated to a JS
// RegExp with the `u` flag. What RE2 refuses is refused with Go's message ("error parsing regexp: missing closing ]:
// `[invalid`"): backreferences, lookaround, atomic groups, empty or duplicate group names, repeat counts over 1000,
// nested repetition operators. What RE2 means differently from JS is translated: `(?P<name>`, POSIX classes
// `[[:alpha:]]`, `\A` `\z`, `\Q...\E`, ASCII `\s`, `\pL`, `\x{...}`, escaped punctuation, literal `{` `}` `]`;
// flags at the start (`(?i)`, `(?s)`, `(?m)`). Flags anywhere else and `(?U)` have no JS equivalent: refused with a
// message saying so, rather than matched differently.

export class Re2SyntaxError extends Error {
  constructor(code: string, expr: string) {
    super(`error parsing regexp: ${code}: \`${expr}\``);
  }
}

export interface Re2Translation {
  source: string;
  /** JS flags besides `u` */
  flags: string;
  /** the name of each capture group by number (index 0, the whole match, is '') */
  names: string[];
}

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7f',
  blank: '\\t ',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

// RE2's \s is ASCII white space; JS's also matches Unicode spaces
const SPACE = '\\t\\n\\f\\r ';
const SIMPLE_ESCAPES: Record<string, string> = { a: '\\x07', f: '\\f', t: '\\t', n: '\\n', r: '\\r', v: '\\v' };
// characters a JS `u` RegExp lets be escaped outside a class
const JS_SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));
const MAX_REPEAT = 1000;

const hex = (c: string): string => `\\u{${c.codePointAt(0)!.toString(16)}}`;

/** A literal character as JS `u` RegExp source. */
function literal(c: string): string {
  if (JS_SYNTAX.has(c)) return `\\${c}`;
  return c;
}

export function translateRe2(pattern: string): Re2Translation {
  return new Translator(pattern).run();
}

class Translator {
  private i = 0;
  private out = '';
  private flags = '';
  private readonly names: string[] = [''];
  /** open groups: where each began in the pattern */
  private readonly open: number[] = [];
  /** what the last item was: nothing repeatable, an atom, or a repetition (possibly made lazy) */
  private last: 'none' | 'atom' | 'repeat' | 'lazy' = 'none';
  /** where the last repetition operator began, for the nested-repetition message */
  private lastRepeatAt = 0;

  constructor(private readonly p: string) {}

  run(): Re2Translation {
    this.leadingFlags();
    while (this.i < this.p.length) this.item();
    if (this.open.length > 0) throw new Re2SyntaxError('missing closing )', this.p);
    return { source: this.out, flags: this.flags, names: this.names };
  }

  private leadingFlags(): void {
    const m = /^\(\?([imsU]+)\)/.exec(this.p);
    if (m === null) return;
    if (m[1]!.includes('U')) throw new Error('moonforge does not support the ungreedy flag (?U) of RE2 patterns');
    this.flags = [...new Set(m[1]!.split(''))].join('');
    this.i = m[0].length;
  }

  private atom(src: string): void {
    this.out += src;
    this.last = 'atom';
  }

  private item(): void {
    const p = this.p;
    const c = p[this.i]!;
    switch (c) {
      case '\\':
        return this.atom(this.escape(false));
      case '[':
        return this.atom(this.charClass());
      case '(':
        return this.group();
      case ')':
        if (this.open.length === 0) throw new Re2SyntaxError('unexpected )', p);
        this.open.pop();
        this.i++;
        return this.atom(')');
      case '*':
      case '+':
      case '?':
        return this.repeat(c, c);
      case '{': {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(this.i));
        if (m === null) {
          this.i++;
          return this.atom('\\{');
        }
        const min = Number(m[1]);
        const max = m[2] === undefined ? min : m[3] === '' ? undefined : Number(m[3]);
        if (min > MAX_REPEAT || (max !== undefined && (max > MAX_REPEAT || max < min))) throw new Re2SyntaxError('invalid repeat count', m[0]);
        return this.repeat(m[0], m[0]);
      }
      case '|':
        this.i++;
        this.out += '|';
        this.last = 'none';
        return;
      case '^':
      case '$':
        this.i++;
        this.out += c;
        this.last = 'none';
        return;
      case '.':
        this.i++;
        return this.atom('.');
      case ']':
      case '}':
        this.i++;
        return this.atom(`\\${c}`);
      default: {
        const ch = String.fromCodePoint(p.codePointAt(this.i)!);
        this.i += ch.length;
        return this.atom(literal(ch));
      }
    }
  }

  private repeat(op: string, src: string): void {
    const at = this.i;
    this.i += op.length;
    if (op === '?' && this.last === 'repeat') {
      // `x*?`: the lazy form of the repetition before
      this.out += '?';
      this.last = 'lazy';
      return;
    }
    if (this.last === 'repeat' || this.last === 'lazy') throw new Re2SyntaxError('invalid nested repetition operator', this.p.slice(this.lastRepeatAt, this.i));
    if (this.last !== 'atom') throw new Re2SyntaxError('missing argument to repetition operator', op);
    this.out += src;
    this.last = 'repeat';
    this.lastRepeatAt = at;
  }

  private group(): void {
    const p = this.p;
    const start = this.i;
    if (p[this.i + 1] !== '?') {
      this.i++;
      this.open.push(start);
      this.names.push('');
      this.out += '(';
      this.last = 'none';
      return;
    }
    const rest = p.slice(this.i);
    const named = /^\(\?P?<([^>]*)>/.exec(rest);
    if (named !== null && !rest.startsWith('(?<=') && !rest.startsWith('(?<!')) {
      const name = named[1]!;
      if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Re2SyntaxError('invalid named capture', named[0]);
      if (this.names.includes(name)) throw new Re2SyntaxError('duplicate capture group name', named[0]);
      this.names.push(name);
      this.i += named[0].length;
      this.open.push(start);
      this.out += `(?<${name}>`;
      this.last = 'none';
      return;
    }
    if (rest.startsWith('(?:')) {
      this.i += 3;
      this.open.push(start);
      this.out += '(?:';
      this.last = 'none';
      return;
    }
    const flags = /^\(\?(-?[imsU]+(?:-[imsU]*)?)(:|\))/.exec(rest);
    if (flags !== null) throw new Error(`moonforge supports RE2 flags only at the start of a pattern (got \`${flags[0]}\`)`);
    // lookahead, lookbehind, atomic groups, comments, ...: not RE2
    throw new Re2SyntaxError('invalid or unsupported Perl syntax', rest.slice(0, Math.min(rest.length, rest[2] === '<' ? 4 : 3)));
  }

  /** An escape at this.i (the backslash), as JS source; `inClass` inside [...]. */
  private escape(inClass: boolean): string {
    const p = this.p;
    const e = p[this.i + 1];
    if (e === undefined) throw new Re2SyntaxError('trailing backslash at end of expression', '');
    this.i += 2;
    if (e in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[e]!;
    switch (e) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
        return `\\${e}`;
      case 's':
        return inClass ? SPACE : `[${SPACE}]`;
      case 'S':
        if (inClass) throw new Error('moonforge does not support \\S inside a character class of an RE2 pattern');
        return `[^${SPACE}]`;
      case 'b':
      case 'B':
        if (inClass) throw new Re2SyntaxError('invalid escape sequence', `\\${e}`);
        return `\\${e}`;
      case 'A':
        if (inClass) throw new Re2SyntaxError('invalid escape sequence', '\\A');
        return '(?<![\\s\\S])';
      case 'z':
        if (inClass) throw new Re2SyntaxError('invalid escape sequence', '\\z');
        return '(?![\\s\\S])';
      case 'p':
      case 'P': {
        const m = /^\{\^?([A-Za-z_]+)\}|^([A-Za-z])/.exec(p.slice(this.i));
        if (m === null) throw new Re2SyntaxError('invalid character class range', `\\${e}${p.slice(this.i, this.i + 1)}`);
        this.i += m[0].length;
        const negate = m[0].startsWith('{^') !== (e === 'P');
        return `\\${negate ? 'P' : 'p'}{${m[1] ?? m[2]}}`;
      }
      case 'x': {
        const m = /^\{([0-9A-Fa-f]{1,6})\}|^([0-9A-Fa-f]{2})/.exec(p.slice(this.i));
        if (m === null) throw new Re2SyntaxError('invalid escape sequence', `\\x${p.slice(this.i, this.i + 2)}`);
        this.i += m[0].length;
        const code = parseInt(m[1] ?? m[2]!, 16);
        if (code > 0x10ffff) throw new Re2SyntaxError('invalid escape sequence', `\\x${m[0]}`);
        return `\\u{${code.toString(16)}}`;
      }
      case 'Q': {
        if (inClass) throw new Re2SyntaxError('invalid escape sequence', '\\Q');
        const end = p.indexOf('\\E', this.i);
        const text = end < 0 ? p.slice(this.i) : p.slice(this.i, end);
        this.i = end < 0 ? p.length : end + 2;
        // literal characters one by one: a repetition after \E applies to the last of them, as in RE2
        return [...text].map(literal).join('');
      }
      default:
        break;
    }
    if (/[0-7]/.test(e)) {
      // octal \123 (RE2 allows \0 and three-digit octal; \1-\9 alone would be backreferences, which RE2 refuses)
      const m = /^[0-7]{0,2}/.exec(p.slice(this.i))![0];
      if (e !== '0' && m.length < 2) throw new Re2SyntaxError('invalid escape sequence', `\\${e}${m}`);
      this.i += m.length;
      return `\\u{${parseInt(e + m, 8).toString(16)}}`;
    }
    if (/[0-9A-Za-z]/.test(e)) throw new Re2SyntaxError('invalid escape sequence', `\\${e}`);
    // any other punctuation may be escaped in RE2; JS `u` patterns accept only their syntax characters escaped
    const ch = String.fromCodePoint(p.codePointAt(this.i - 1)!);
    this.i += ch.length - 1;
    return inClass ? (/[\]\\^-]/.test(ch) ? `\\${ch}` : hex(ch)) : JS_SYNTAX.has(ch) ? `\\${ch}` : hex(ch);
  }

  private charClass(): string {
    const p = this.p;
    const start = this.i;
    this.i++;
    let out = '[';
    if (p[this.i] === '^') {
      out += '^';
      this.i++;
    }
    let first = true;
    // the previous single character, for range checks
    let prev: number | undefined;
    for (;;) {
      if (this.i >= p.length) throw new Re2SyntaxError('missing closing ]', p.slice(start));
      const c = p[this.i]!;
      if (c === ']' && !first) {
        this.i++;
        break;
      }
      first = false;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(p.slice(this.i));
      if (posix !== null) {
        const set = POSIX[posix[2]!];
        if (set === undefined) throw new Re2SyntaxError('invalid character class range', posix[0]);
        if (posix[1] === '^') throw new Error('moonforge does not support negated POSIX classes ([:^alpha:]) inside a character class');
        out += set;
        this.i += posix[0].length;
        prev = undefined;
        continue;
      }
      if (c === '-' && prev !== undefined && p[this.i + 1] !== ']' && this.i + 1 < p.length) {
        // a range prev-next
        this.i++;
        let hi: number;
        let src: string;
        if (p[this.i] === '\\') {
          const save = this.i;
          src = this.escape(true);
          const m = /^\\u\{([0-9a-f]+)\}$|^\\([\\\]^-])$/.exec(src);
          if (m === null && src.length !== 1) throw new Re2SyntaxError('invalid character class range', p.slice(save - 2, this.i));
          hi = m === null ? src.codePointAt(0)! : m[1] !== undefined ? parseInt(m[1], 16) : m[2]!.codePointAt(0)!;
        } else {
          hi = p.codePointAt(this.i)!;
          const ch = String.fromCodePoint(hi);
          this.i += ch.length;
          src = /[\]\\^-]/.test(ch) ? `\\${ch}` : ch;
        }
        if (hi < prev) throw new Re2SyntaxError('invalid character class range', `${String.fromCodePoint(prev)}-${String.fromCodePoint(hi)}`);
        out += `-${src}`;
        prev = undefined;
        continue;
      }
      if (c === '\\') {
        const src = this.escape(true);
        out += src;
        const m = /^\\u\{([0-9a-f]+)\}$/.exec(src);
        prev = m !== null ? parseInt(m[1]!, 16) : src.length === 2 && /[\\\]^-]/.test(src[1]!) ? src.codePointAt(1) : src.length === 1 ? src.codePointAt(0) : undefined;
        continue;
      }
      if (c === '[') {
        // a lone [ inside a class is a literal in RE2; JS `u` classes want it escaped
        out += '\\[';
        prev = 0x5b;
        this.i++;
        continue;
      }
      const cp = p.codePointAt(this.i)!;
      const ch = String.fromCodePoint(cp);
      this.i += ch.length;
      out += /[\]\\^-]/.test(ch) ? `\\${ch}` : ch;
      prev = cp;
    }
    return `${out}]`;
  }
}

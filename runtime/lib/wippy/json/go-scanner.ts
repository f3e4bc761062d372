// Go's json.Decoder (which Wippy's json.decode uses) where it differs from JSON.parse, scanned over the byte string
// (Go's scanner reads bytes). It runs only off the fast path:
// - after JSON.parse refused a text: either the end of a complete first value that the decoder accepts with something
//   after it (Decoder.Decode reads one value: `[1] x` and `1 x` decode to their first value; `1x` and `"a"x` do not,
//   the scanner having to read one byte past them), or the decoder's error message ("invalid character 'x' looking
//   for beginning of value", "unexpected EOF");
// - after JSON.parse gave an infinity: the numbers too large for a double, which Wippy's decoder keeps as strings.

export type GoScan = { end: number; error?: undefined } | { error: string };

class Stop {
  constructor(readonly message: string) {}
}

const HEXDIGIT = /[0-9a-fA-F]/;

/** strconv.Quote's named escapes */
const NAMED_ESCAPES: Record<number, string> = {
  7: '\\a',
  8: '\\b',
  12: '\\f',
  10: '\\n',
  13: '\\r',
  9: '\\t',
  11: '\\v',
  0x5c: '\\\\',
};

/** Go's quoteChar: a byte as strconv.Quote would show the rune of the same number, in single quotes. */
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return `'"'`;
  const named = NAMED_ESCAPES[c];
  if (named !== undefined) return `'${named}'`;
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, '0')}'`;
  if (c < 0x80) return `'${String.fromCharCode(c)}'`;
  // U+0080..U+00A0 and the soft hyphen are not printable for Go; the rest of Latin-1 prints as its UTF-8 bytes
  if (c <= 0xa0 || c === 0xad) return `'\\u00${c.toString(16)}'`;
  return `'${Buffer.from(String.fromCharCode(c), 'utf8').toString('latin1')}'`;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

class Scanner {
  i = 0;
  /** [start, end) of each number literal whose value overflows a double */
  readonly overflows: Array<[number, number]> = [];
  constructor(readonly s: string) {}

  private at(): number {
    if (this.i >= this.s.length) throw new Stop('unexpected EOF');
    return this.s.charCodeAt(this.i);
  }

  private fail(c: number, context: string): never {
    throw new Stop(`invalid character ${quoteChar(c)} ${context}`);
  }

  private skipSpace(): void {
    while (this.i < this.s.length && isSpace(this.s.charCodeAt(this.i))) this.i++;
  }

  /**
   * One value, iteratively (an explicit stack of open arrays and objects, so that nesting cannot overflow the JS
   * stack; Go's scanner stops at 10000 levels).
   */
  value(): void {
    const open: number[] = []; // 0x5b for an array, 0x7b for an object
    for (;;) {
      // a value starts here
      this.skipSpace();
      const c = this.at();
      let done = true; // whether a whole value was read (else a container was opened)
      if (c === 0x7b || c === 0x5b) {
        if (open.length >= 10000) throw new Stop('exceeded max depth');
        this.i++;
        this.skipSpace();
        if (this.at() === c + 2) this.i++; // `{}` or `[]`
        else {
          open.push(c);
          if (c === 0x7b) this.key();
          done = false;
        }
      } else if (c === 0x22) this.string();
      else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) this.number();
      else if (c === 0x74) this.literal('true');
      else if (c === 0x66) this.literal('false');
      else if (c === 0x6e) this.literal('null');
      else this.fail(c, 'looking for beginning of value');
      // after a value: close what it ends, until a comma asks for the next one
      while (done) {
        const top = open[open.length - 1];
        if (top === undefined) return;
        this.skipSpace();
        const sep = this.at();
        this.i++;
        if (sep === top + 2) open.pop();
        else if (sep === 0x2c) {
          if (top === 0x7b) this.key();
          done = false;
        } else this.fail(sep, top === 0x5b ? 'after array element' : 'after object key:value pair');
      }
    }
  }

  /** An object key and its colon. */
  private key(): void {
    this.skipSpace();
    const c = this.at();
    if (c !== 0x22) this.fail(c, 'looking for beginning of object key string');
    this.string();
    this.skipSpace();
    const colon = this.at();
    if (colon !== 0x3a) this.fail(colon, 'after object key');
    this.i++;
  }

  private string(): void {
    this.i++;
    for (;;) {
      const c = this.at();
      this.i++;
      if (c === 0x22) return;
      if (c < 0x20) this.fail(c, 'in string literal');
      if (c !== 0x5c) continue;
      const e = this.at();
      this.i++;
      if (e === 0x75) {
        for (let k = 0; k < 4; k++) {
          const h = this.at();
          if (!HEXDIGIT.test(String.fromCharCode(h))) this.fail(h, 'in \\u hexadecimal character escape');
          this.i++;
        }
      } else if (!'"\\/bfnrt'.includes(String.fromCharCode(e))) this.fail(e, 'in string escape code');
    }
  }

  private digits(): number {
    const start = this.i;
    while (this.i < this.s.length && this.s.charCodeAt(this.i) >= 0x30 && this.s.charCodeAt(this.i) <= 0x39) this.i++;
    return this.i - start;
  }

  private number(): void {
    const start = this.i;
    if (this.s.charCodeAt(this.i) === 0x2d) {
      this.i++;
      const c = this.at();
      if (c < 0x30 || c > 0x39) this.fail(c, 'in numeric literal');
    }
    if (this.s.charCodeAt(this.i) === 0x30) this.i++;
    else this.digits();
    if (this.i < this.s.length && this.s.charCodeAt(this.i) === 0x2e) {
      this.i++;
      if (this.digits() === 0) this.fail(this.at(), 'after decimal point in numeric literal');
    }
    const e = this.i < this.s.length ? this.s.charCodeAt(this.i) : 0;
    if (e === 0x65 || e === 0x45) {
      this.i++;
      const sign = this.at();
      if (sign === 0x2b || sign === 0x2d) this.i++;
      if (this.digits() === 0) this.fail(this.at(), 'in exponent of numeric literal');
    }
    if (!Number.isFinite(Number(this.s.slice(start, this.i)))) this.overflows.push([start, this.i]);
  }

  private literal(word: string): void {
    for (let k = 0; k < word.length; k++) {
      const c = this.at();
      if (c !== word.charCodeAt(k)) this.fail(c, `in literal ${word} (expecting '${word[k]}')`);
      this.i++;
    }
  }
}

/** The end of the first value the decoder takes from `s`, or its error message. */
export function goJsonSyntax(s: string): GoScan {
  return scan(new Scanner(s));
}

/**
 * `s` (a text JSON.parse accepts) with each number too large for a double turned into a string literal of its digits,
 * as decode_v1.go makes of a json.Number that neither Int64 nor Float64 can read.
 */
export function quoteOverflowingNumbers(s: string): string {
  const sc = new Scanner(s);
  scan(sc);
  let out = '';
  let from = 0;
  for (const [a, b] of sc.overflows) {
    out += `${s.slice(from, a)}"${s.slice(a, b)}"`;
    from = b;
  }
  return out + s.slice(from);
}

function scan(sc: Scanner): GoScan {
  const s = sc.s;
  try {
    sc.i = 0;
    while (sc.i < s.length && isSpace(s.charCodeAt(sc.i))) sc.i++;
    if (sc.i >= s.length) return { error: 'EOF' };
    const first = s.charCodeAt(sc.i);
    sc.value();
    const end = sc.i;
    // an object or array ends at its bracket; any other value needs the byte after it to be a space or the end
    if (first === 0x7b || first === 0x5b || end >= s.length) return { end };
    const next = s.charCodeAt(end);
    if (isSpace(next)) return { end };
    return { error: `invalid character ${quoteChar(next)} after top-level value` };
  } catch (e) {
    if (e instanceof Stop) return { error: e.message };
    throw e;
  }
}

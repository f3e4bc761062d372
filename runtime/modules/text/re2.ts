// A compiled RE2 pattern over Lua byte strings. Go matches UTF-8 text and reports byte offsets; here the subject is
// decoded to JS text (each invalid byte a U+FFFD of width 1, as Go reads it) only when it is not ASCII, matched by a
// JS `u` RegExp (re2-syntax.ts), and every position is mapped back to a byte offset, so results are slices of the
// original bytes. Successive matches follow Go's rule: an empty match right after the previous match is skipped.
import { Re2SyntaxError, translateRe2 } from './re2-syntax.js';

export { Re2SyntaxError };

const ASCII = /^[\x00-\x7f]*$/;

/** A subject as JS text, with the byte offset of each UTF-16 unit (and of the end) when they differ. */
interface Subject {
  text: string;
  /** undefined: ASCII, unit index = byte offset */
  offsets: number[] | undefined;
}

function decode(bytes: string): Subject {
  if (ASCII.test(bytes)) return { text: bytes, offsets: undefined };
  let text = '';
  const offsets: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b = bytes.charCodeAt(i);
    let cp = 0xfffd;
    let w = 1;
    const need = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? (b <= 0xef ? 2 : 0) : b >= 0xc2 && b <= 0xdf ? 1 : 0;
    if (b < 0x80) cp = b;
    else if (need > 0 && i + need < bytes.length) {
      let v = b & (0x3f >> need);
      let ok = true;
      for (let k = 1; k <= need; k++) {
        const c = bytes.charCodeAt(i + k);
        if ((c & 0xc0) !== 0x80) {
          ok = false;
          break;
        }
        v = (v << 6) | (c & 0x3f);
      }
      // overlong forms, surrogates and code points past U+10FFFF are invalid, as in Go's utf8.DecodeRune
      const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
      if (ok && v >= min && v <= 0x10ffff && !(v >= 0xd800 && v <= 0xdfff)) {
        cp = v;
        w = need + 1;
      }
    }
    const ch = String.fromCodePoint(cp);
    for (let k = 0; k < ch.length; k++) offsets.push(i);
    text += ch;
    i += w;
  }
  offsets.push(bytes.length);
  return { text, offsets };
}

/** One match: byte offsets of the whole match and of each group (-1 for a group that did not take part). */
export type Match = number[];

export class Re2 {
  readonly names: readonly string[];
  private readonly re: RegExp;

  /** Throws Re2SyntaxError (Go's message) for a pattern RE2 refuses, Error for one moonforge cannot run. */
  constructor(readonly pattern: string) {
    const text = decode(pattern);
    if (text.offsets !== undefined && Buffer.from(text.text, 'utf8').toString('latin1') !== pattern) throw new Re2SyntaxError('invalid UTF-8', pattern);
    const t = translateRe2(text.text);
    try {
      this.re = new RegExp(t.source, `${t.flags}dgu`);
    } catch (e) {
      // what the translation let through and V8 still refuses
      throw new Re2SyntaxError((e as Error).message.replace(/^Invalid regular expression: /, ''), pattern);
    }
    this.names = t.names;
  }

  get groups(): number {
    return this.names.length - 1;
  }

  /** Up to `limit` successive matches (all when negative), each as byte offsets. */
  all(subject: string, limit = -1): Match[] {
    const s = decode(subject);
    const re = this.re;
    const out: Match[] = [];
    let pos = 0;
    let prevEnd = -1;
    while ((limit < 0 || out.length < limit) && pos <= s.text.length) {
      re.lastIndex = pos;
      const m = re.exec(s.text);
      if (m === null) break;
      const start = m.index;
      const end = start + m[0].length;
      if (end === start && start === prevEnd) {
        // Go skips an empty match that abuts the previous match
        pos = start + (s.text.codePointAt(start)! > 0xffff ? 2 : 1);
        continue;
      }
      out.push(this.offsets(m, s));
      prevEnd = end;
      pos = end === start ? start + (start < s.text.length && s.text.codePointAt(start)! > 0xffff ? 2 : 1) : end;
    }
    return out;
  }

  first(subject: string): Match | undefined {
    return this.all(subject, 1)[0];
  }

  test(subject: string): boolean {
    this.re.lastIndex = 0;
    return this.re.test(decode(subject).text);
  }

  private offsets(m: RegExpExecArray, s: Subject): Match {
    const out: Match = [];
    const at = (i: number): number => (s.offsets === undefined ? i : s.offsets[i]!);
    // group positions come from the `d` flag
    const indices = (m as RegExpExecArray & { indices?: Array<[number, number] | undefined> }).indices;
    for (let g = 0; g < m.length; g++) {
      const span = indices?.[g];
      if (span === undefined) {
        out.push(-1, -1);
        continue;
      }
      out.push(at(span[0]), at(span[1]));
    }
    return out;
  }
}

// A compiled RE2 pattern over Lua byte strings (re2-syntax.ts makes its JS source): the subject's bytes are matched
// directly, so positions are byte offsets and results are slices of the original bytes. A subject that is all ASCII
// is matched by the ASCII form of the pattern (plain classes), any other by its UTF-8 form. Successive matches
// follow Go's rule: an empty match right after the previous match is skipped, and the search moves on by a whole
// UTF-8 character.
import { Re2SyntaxError, translateRe2 } from './re2-syntax.js';
import { BUDGET } from '../../core/preempt.js';

export { Re2SyntaxError };

const ASCII = /^[\x00-\x7f]*$/;

/** One match: its byte offsets and the text of each group (undefined for one that took no part). */
export interface Match {
  start: number;
  end: number;
  groups: Array<string | undefined>;
}

/** The byte length of the UTF-8 character at `i` (1 for an invalid byte, as Go steps over it). */
function charWidth(s: string, i: number): number {
  const b = s.charCodeAt(i);
  const n = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 1;
  for (let k = 1; k < n; k++) if ((s.charCodeAt(i + k) & 0xc0) !== 0x80) return 1;
  return n;
}

const CR = /\r/g;
const CR_ALIAS = /\u0100/g;

export class Re2 {
  readonly names: readonly string[];
  private readonly asciiRe: RegExp;
  private readonly utf8Re: RegExp;
  /** the sources are for the JS m flag: a subject's \r is read as U+0100 (re2-syntax.ts) */
  private readonly multiline: boolean;

  /** Throws Re2SyntaxError (Go's message) for a pattern RE2 refuses. */
  constructor(readonly pattern: string) {
    // the pattern is UTF-8 text, as Go requires
    const text = Buffer.from(pattern, 'latin1').toString('utf8');
    if (Buffer.from(text, 'utf8').toString('latin1') !== pattern) throw new Re2SyntaxError('invalid UTF-8', pattern);
    const t = translateRe2(text);
    this.multiline = t.multiline;
    const flags = t.multiline ? 'gm' : 'g';
    try {
      this.asciiRe = new RegExp(t.ascii, flags);
      this.utf8Re = new RegExp(t.utf8, flags);
    } catch (e) {
      // what the translation let through and V8 still refuses: past V8's size or capture limits, which Go reports as
      // a pattern too large; V8's text would echo the JS source
      const reason = /: ([^:]*)$/.exec((e as Error).message)?.[1] ?? 'invalid pattern';
      const code = /too large|too many captures/i.test(reason) ? 'expression too large' : reason;
      throw new Re2SyntaxError(code, pattern);
    }
    this.names = t.names;
  }

  get groups(): number {
    return this.names.length - 1;
  }

  /** The regexp for `subject`, and the subject as it reads it (the same length: offsets are the subject's). */
  private prepare(subject: string): [RegExp, string] {
    const re = ASCII.test(subject) ? this.asciiRe : this.utf8Re;
    return [re, this.multiline && subject.includes('\r') ? subject.replace(CR, '\u0100') : subject];
  }

  /** Up to `limit` successive matches (all when negative). */
  all(original: string, limit = -1): Match[] {
    const [re, subject] = this.prepare(original);
    const aliased = subject !== original;
    const out: Match[] = [];
    let pos = 0;
    let prevEnd = -1;
    while ((limit < 0 || out.length < limit) && pos <= subject.length) {
      re.lastIndex = pos;
      const m = re.exec(subject);
      if (m === null) break;
      const start = m.index;
      const end = start + m[0].length;
      if (end === start && start === prevEnd) {
        // Go skips an empty match that abuts the previous match
        pos = start + (start < subject.length ? charWidth(subject, start) : 1);
        continue;
      }
      // each match is a step: a million matches of an empty pattern is a long run that cannot give way
      if (--BUDGET.p < 0) BUDGET.out();
      const groups = m.slice(1);
      out.push({ start, end, groups: aliased ? groups.map((g) => g?.replace(CR_ALIAS, '\r')) : groups });
      prevEnd = end;
      pos = end === start ? start + (start < subject.length ? charWidth(subject, start) : 1) : end;
    }
    return out;
  }

  first(subject: string): Match | undefined {
    return this.all(subject, 1)[0];
  }

  test(original: string): boolean {
    const [re, subject] = this.prepare(original);
    re.lastIndex = 0;
    return re.test(subject);
  }
}

// stripTypes: typed Lua in, plain Lua 5.1(+5.3 operators, goto) out with every line and column unchanged: each
// type-only range found by the recogniser (parser.ts) is overwritten with spaces, newlines kept.
import type { Diagnostic } from '../diagnostics.js';
import { LexError } from './lexer.js';
import { Parser, StripError } from './parser.js';
import type { TypeAlias } from './type-ast.js';

export interface StripResult {
  code: string;
  aliases: TypeAlias[];
  diagnostics: Diagnostic[];
}

/** `source` holds bytes (one JS char per byte, latin1), as read from the file. */
export function stripTypes(source: string, file: string): StripResult {
  const parser = new Parser(source);
  const diagnostics: Diagnostic[] = [];
  try {
    parser.parseChunk();
  } catch (e) {
    if (!(e instanceof StripError) && !(e instanceof LexError)) throw e;
    const lines = new LineIndex(source);
    const { line, column } = lines.position(e.offset);
    diagnostics.push({ code: e.code, message: e.message, file, line, column, length: e.length });
  }
  const code = applyBlanks(source, parser.blanks);
  let aliases: TypeAlias[] = [];
  if (parser.aliases.length > 0) {
    const lines = new LineIndex(source);
    aliases = parser.aliases.map((a) => {
      const { line, column } = lines.position(a.offset);
      return { name: a.name, params: a.params, type: a.type, line, column, offset: a.offset };
    });
  }
  return { code, aliases, diagnostics };
}

/**
 * Overwrites the [start, end) ranges (pairs, in any order, possibly nested) with spaces, keeping \n and \r.
 * Works on a byte buffer: one native copy in, one fill pass over the blanked bytes, one native copy out.
 */
function applyBlanks(src: string, blanks: number[]): string {
  if (blanks.length === 0) return src;
  // the input should hold bytes; a caller passing decoded text (chars > 255) gets the slower exact path
  if (WIDE_CHAR.test(src)) return applyBlanksWide(src, blanks);
  const buf = Buffer.from(src, 'latin1');
  for (let i = 0; i < blanks.length; i += 2) {
    const e = blanks[i + 1]!;
    for (let j = blanks[i]!; j < e; j++) {
      const c = buf[j]!;
      if (c !== 10 && c !== 13) buf[j] = 32;
    }
  }
  return buf.toString('latin1');
}

const WIDE_CHAR = /[^\x00-\xff]/;

function applyBlanksWide(src: string, blanks: number[]): string {
  const mask = new Uint8Array(src.length);
  for (let i = 0; i < blanks.length; i += 2) mask.fill(1, blanks[i]!, blanks[i + 1]!);
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    out += mask[i] === 1 && c !== 10 && c !== 13 ? ' ' : src[i];
  }
  return out;
}

/** Offsets to 1-based line/column: line starts computed once, then binary search. */
class LineIndex {
  private readonly starts: number[] = [0];
  constructor(src: string) {
    for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  position(offset: number): { line: number; column: number } {
    const st = this.starts;
    let lo = 0;
    let hi = st.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (st[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - st[lo]! + 1 };
  }
}

// An escape the emitter's string decoder rejects (EscapeError, LUA1007) carries where it is in the source: the
// offset of its backslash and the escape's length, so compile() reports it there and not at 1:1. (The parser
// reports a too-large decimal escape first, see diagnostics.test.ts; this is the emitter's own guard.)
import { describe, expect, it } from 'vitest';
import { decodeStringLiteral, EscapeError } from '../../compiler/strings.js';

function escapeErrorOf(raw: string, at: number): EscapeError {
  try {
    decodeStringLiteral(raw, at);
  } catch (e) {
    if (e instanceof EscapeError) return e;
    throw e;
  }
  throw new Error('no EscapeError');
}

describe('EscapeError', () => {
  it('is at the backslash of the escape, offset by where the literal starts', () => {
    // x = "ab\300": the literal starts at offset 4, its backslash is at 7
    const e = escapeErrorOf('"ab\\300"', 4);
    expect(e.message).toBe('escape sequence too large');
    expect(e.offset).toBe(7);
    expect(e.length).toBe(4);
  });

  it('covers only the digits that belong to the escape', () => {
    const e = escapeErrorOf("'\\2561'", 0);
    expect([e.offset, e.length]).toEqual([1, 4]);
  });

  it('decodes a valid escape as before', () => {
    expect(decodeStringLiteral('"a\\255b"', 10)).toBe('a\xffb');
  });
});

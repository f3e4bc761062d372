// string.rep with counts whose result cannot exist. lua5.1 reads the count as a 32-bit int, so 2^31 and 1/0 wrap
// to negative counts and give "" (and 2^32 + 2 gives "xx"); Wippy's go-lua reads it as Go's 64-bit int
// (wippyai/go-lua stringlib.go strRep: `n := L.CheckInt(2)`, then strings.Repeat) and tries to allocate the
// result. Here a result past the longest JS string is Lua's memory error, never a silent "".
import { describe, expect, it } from 'vitest';
import { strRep } from '../../runtime/lib/string/basic.js';
import { LuaError } from '../../runtime/core/errors.js';

function repError(s: string, n: number): unknown {
  try {
    strRep(s, n);
  } catch (e) {
    return e instanceof LuaError ? e.value : e;
  }
  return 'no error';
}

describe('string.rep counts', () => {
  it('2^31, 2^32 + 2, 2^53 and 1/0 copies are "not enough memory"', () => {
    for (const n of [2 ** 31, 2 ** 32 + 2, 2 ** 53, Infinity]) expect(repError('x', n)).toBe('not enough memory');
    expect(repError('ab', 2 ** 29)).toBe('not enough memory');
  });
  it('a count that is not a positive number of copies gives "" (NaN, -1/0, 0.5, negatives)', () => {
    for (const n of [NaN, -Infinity, 0.5, 0, -1, -(2 ** 31)]) expect(strRep('x', n)).toBe('');
  });
  it('fractional counts are truncated; the empty string repeats to itself at any count', () => {
    expect(strRep('ab', 2.9)).toBe('abab');
    expect(strRep('', Infinity)).toBe('');
    expect(strRep('', 2 ** 40)).toBe('');
  });
});

// Go conversions the condition evaluator relies on (condition_evaluator.go toFloat64 / toString / equals, with
// strconv.ParseFloat and strconv.FormatFloat(v, 'f', -1, 64)).
import { describe, expect, it } from 'vitest';
import { attrEquals, formatFloatF, toFloat, toGoString, toSlice } from '../../runtime/security/values.js';

describe('Go value conversions', () => {
  it.each([
    ['10', 10],
    ['-2.5', -2.5],
    ['1e3', 1000],
    ['.5', 0.5],
    ['0x1p-2', 0.25],
    ['Inf', Infinity],
    ['-inf', -Infinity],
    ['1_000', 1000],
    ['1_0.5', 10.5],
    ['0x1.8p1', 3],
    ['0x_1p0', 1],
    ['+.5e-1', 0.05],
    ['5.', 5],
  ])('ParseFloat(%j) = %d', (s, n) => {
    expect(toFloat(s)).toBe(n);
  });
  it.each([' 5', '5 ', '', 'abc', '0x10', '1e', '1__0', '_1', '1_'])('ParseFloat rejects %j', (s) => {
    expect(toFloat(s)).toBeUndefined();
  });
  it.each([
    [5, '5'],
    [0.1, '0.1'],
    [1e21, '1000000000000000000000'],
    [1e-7, '0.0000001'],
    [-1.5e-10, '-0.00000000015'],
    [123456789012, '123456789012'],
  ])("FormatFloat(%d, 'f', -1) = %s", (n, s) => {
    expect(formatFloatF(n)).toBe(s);
  });
  it('toString of lists is not a string; records print like Go maps', () => {
    expect(toGoString(['a'])).toBeUndefined();
    expect(toGoString({ b: 2, a: 'x' })).toBe('map[a:x b:2]');
    expect(toGoString(true)).toBe('true');
  });
  it('equals: numbers across types, then strings', () => {
    expect(attrEquals('1.0', 1)).toBe(true);
    expect(attrEquals(true, 'true')).toBe(true);
    expect(attrEquals('a', 'b')).toBe(false);
    expect(attrEquals(['a'], ['a'])).toBe(false);
  });
  it('toSlice splits strings into UTF-8 characters (kept as byte strings)', () => {
    expect(toSlice('ab')).toEqual(['a', 'b']);
    expect(toSlice('\xc3\xa9x')).toEqual(['\xc3\xa9', 'x']);
  });
});

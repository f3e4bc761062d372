// Pins go-lua's number <-> string rules (github.com/wippyai/go-lua: value.go LNumber.String, utils.go
// IsIntegerValue / parseNumber, baselib.go baseToNumber; Go strconv semantics). lua5.1 differs on purpose
// (tostring uses %.14g there), so these are explicit expectations, not differential tests.
import { describe as group, expect, it } from 'vitest';
import {
  numberToString, parseIntBase, parseTonumber, stringToNumber,
} from '../../runtime/core/number-format.js';

group('numberToString = go-lua LNumber.String()', () => {
  it('integral values in int64 range print with strconv.FormatInt (no ".0")', () => {
    const cases: [number, string][] = [
      [0, '0'], [-0, '0'], [1, '1'], [-1, '-1'], [3.0, '3'], [1e15, '1000000000000000'],
      [1e18, '1000000000000000000'], [2 ** 53, '9007199254740992'], [2 ** 60, '1152921504606846976'],
      [-(2 ** 63), '-9223372036854775808'], [123456789, '123456789'],
    ];
    for (const [n, s] of cases) expect(numberToString(n), String(n)).toBe(s);
  });

  it('other values use strconv.FormatFloat(f, \'g\', -1, 64): shortest digits, exponent when < -4 or >= 6', () => {
    const cases: [number, string][] = [
      [0.1, '0.1'], [1 / 3, '0.3333333333333333'], [2 / 3, '0.6666666666666666'], [1.5, '1.5'],
      [-2.5, '-2.5'], [100.25, '100.25'], [123456.5, '123456.5'], [1234567.5, '1.2345675e+06'],
      [0.0001, '0.0001'], [0.00012, '0.00012'], [1e-5, '1e-05'], [-2.5e-7, '-2.5e-07'], [5e-324, '5e-324'],
      [123456789.123, '1.23456789123e+08'], [1.7976931348623157e308, '1.7976931348623157e+308'],
      // out of int64 range: int64(f) is MinInt64 on amd64, so these are "floats"
      [2 ** 63, '9.223372036854776e+18'], [1e19, '1e+19'], [1e20, '1e+20'], [1e21, '1e+21'], [1e100, '1e+100'],
      [-1e300, '-1e+300'], [0.1 + 0.2, '0.30000000000000004'],
    ];
    for (const [n, s] of cases) expect(numberToString(n), String(n)).toBe(s);
  });

  it('infinities and NaN as Go prints them', () => {
    expect(numberToString(Infinity)).toBe('+Inf');
    expect(numberToString(-Infinity)).toBe('-Inf');
    expect(numberToString(NaN)).toBe('NaN');
  });

  it('round-trips every finite double it prints', () => {
    let x = 0x9e3779b9;
    const next = (): number => {
      x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
      return x;
    };
    const buf = new DataView(new ArrayBuffer(8));
    for (let i = 0; i < 20000; i++) {
      buf.setUint32(0, next());
      buf.setUint32(4, next());
      const v = buf.getFloat64(0);
      if (!Number.isFinite(v)) continue;
      const s = numberToString(v);
      expect(Number(s), s).toBe(v === 0 ? 0 : v);
      expect(/^-?(\d+|\d+\.\d+|\d(\.\d+)?e[-+]\d\d+)$/.test(s), s).toBe(true);
    }
  });
});

group('stringToNumber = go-lua parseNumber (arithmetic coercion, luaL_checknumber)', () => {
  it('ParseInt(s, 0, 64) first: prefixes, Go octal, underscores, sign', () => {
    const cases: [string, number | undefined][] = [
      ['10', 10], ['-10', -10], ['+7', 7], [' 10 ', 10], ['\t10\n', 10], ['0x10', 16], ['0XfF', 255],
      ['-0x10', -16], ['0b101', 5], ['0o17', 15], ['017', 15], ['010', 8], ['0', 0], ['-0', 0], ['1_000', 1000],
      ['0x_1f', 31], ['9007199254740993', 9007199254740992], ['-9223372036854775808', -(2 ** 63)],
      ['0x7fffffffffffffff', 2 ** 63],
    ];
    for (const [s, n] of cases) expect(stringToNumber(s), JSON.stringify(s)).toBe(n);
    expect(Object.is(stringToNumber('-0'), 0)).toBe(true);
  });

  it('then ParseFloat(s, 64): exponents, dots, hex floats, inf/nan, int64 overflow', () => {
    const cases: [string, number | undefined][] = [
      ['1e5', 1e5], ['1E+5', 1e5], ['2.5e-3', 2.5e-3], ['.5', 0.5], ['5.', 5], ['-.5', -0.5], ['08', 8],
      ['09.5', 9.5], ['0x1p4', 16], ['0x1.8p1', 3], ['0X.8P0', 0.5], ['0x1P-1074', 5e-324], ['inf', Infinity],
      ['-Inf', -Infinity], ['+infinity', Infinity], ['NaN', NaN], ['1_000.5', 1000.5],
      ['99999999999999999999', 1e20], ['0777777777777777777777777', 7.77777777777777777777777e23],
      ['1e-400', 0], ['1.7976931348623157e308', 1.7976931348623157e308],
    ];
    for (const [s, n] of cases) expect(stringToNumber(s), JSON.stringify(s)).toBe(n);
  });

  it('rejects what both parsers reject', () => {
    for (const s of ['', ' ', '-', '+', '1e', '1e+', 'e5', '.', '0x', '0x1.8', '0b', '0b2', '1__0', '_1', '1_',
      '1e400', '-1e400', '0x1p2000', '+nan', '-nan', 'infinit', '\r10', '\v10', '10\r', '1 0', '0x-1', '- 1', 'abc',
      '1.5.5', '1,5', '١']) {
      expect(stringToNumber(s), JSON.stringify(s)).toBe(undefined);
    }
  });
});

group('parseTonumber = go-lua baseToNumber without a base', () => {
  it('"." means ParseFloat; otherwise ParseInt base 10, or 16 after a 0x prefix', () => {
    const cases: [string, number | undefined][] = [
      ['10', 10], [' 10 ', 10], ['-10', -10], ['010', 10], ['0x10', 16], ['0X1f', 31], ['0x-10', -16],
      ['1.5', 1.5], ['.5', 0.5], ['1.5e3', 1500], ['0x1.8p1', 3], ['1e5', undefined], ['inf', undefined],
      ['nan', undefined], ['-0x10', undefined], ['0b101', undefined], ['1_000', undefined], ['', undefined],
      ['99999999999999999999', undefined], ['9223372036854775807', 2 ** 63], ['0x', undefined],
      ['1.', 1], ['.', undefined], ['1.5\r', undefined],
    ];
    for (const [s, n] of cases) expect(parseTonumber(s), JSON.stringify(s)).toBe(n);
  });
});

group('parseIntBase = go-lua baseToNumber with a base (strconv.ParseInt)', () => {
  it('digits of the base in either case, optional sign, no prefix, "." still parses a float', () => {
    const cases: [string, number, number | undefined][] = [
      ['ff', 16, 255], ['FF', 16, 255], ['-ff', 16, -255], ['0xff', 16, undefined], ['777', 8, 511],
      ['8', 8, undefined], ['zz', 36, 1295], ['ZZ', 36, 1295], ['101', 2, 5], ['102', 2, undefined],
      [' 11 ', 2, 3], ['10', 10, 10], ['1e5', 10, undefined], ['1.5', 16, 1.5], ['10', 1, undefined],
      ['10', 37, undefined], ['0x10', 0, 16], ['', 10, undefined], ['7fffffffffffffff', 16, 2 ** 63],
      ['8000000000000000', 16, undefined],
    ];
    for (const [s, b, n] of cases) expect(parseIntBase(s, b), `${JSON.stringify(s)}, ${b}`).toBe(n);
  });
});

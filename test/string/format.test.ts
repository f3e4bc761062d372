// Differential tests of string.format against lua5.1 (glibc printf): every conversion with flag/width/precision
// combinations, exact-tie rounding, pseudo-random doubles over the whole exponent range, and the error cases.
import { describe as group, expect, it } from 'vitest';
import { rng, diff, S, type Case } from './lua-diff.js';
import { collect } from '../../runtime/core/results.js';
import { setToStringHook } from '../../runtime/lib/string/index.js';
import { tostring } from '../../runtime/core/tostring.js';
import { tableFromRecord } from '../../runtime/core/table.js';
import { MT } from '../../runtime/core/symbols.js';

function expectNoDiff(cases: Case[]): void {
  const bad = diff(cases);
  expect(bad.slice(0, 15).join('\n')).toBe('');
  expect(bad.length).toBe(0);
}

const flagSets = ['', '-', '+', ' ', '#', '0', '-0', '+0', '- ', '#0', '-#', '+ ', '0+#'];
const widths = ['', '1', '5', '12', '25'];
const precs = ['', '.', '.0', '.1', '.3', '.10', '.17', '.25'];

function specs(conv: string): string[] {
  const out: string[] = [];
  for (const f of flagSets) for (const w of widths) for (const p of precs) out.push(`%${f}${w}${p}${conv}`);
  return out;
}

group('string.format vs lua5.1', () => {
  it('integer conversions', () => {
    const values = [0, 1, -1, 42, -42, 255, 3.7, -3.7, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 2 ** 63, -(2 ** 63),
      2 ** 64, 1e300, -1e300, 1e20, 123456789, 0.5, -0.5, Infinity, -Infinity, NaN];
    const cases: Case[] = [];
    for (const conv of ['d', 'i', 'u', 'o', 'x', 'X']) {
      const sp = specs(conv);
      for (let i = 0; i < sp.length; i++) {
        // every spec with a few values, every value with a few specs
        cases.push({ fn: 'format', args: [sp[i], values[i % values.length]] });
      }
      for (const v of values) cases.push({ fn: 'format', args: [`[%${conv}|%5${conv}|%-5${conv}|%#${conv}|%.3${conv}]`, v, v, v, v, v] });
    }
    expectNoDiff(cases);
  });

  it('%c', () => {
    const cases: Case[] = [];
    for (const v of [65, 97, 0, 255, 256 + 66, -1, 3.9, 2 ** 40]) {
      for (const s of ['%c', '%5c', '%-5c', '%05c', '[%c]']) cases.push({ fn: 'format', args: [s, v] });
    }
    expectNoDiff(cases);
  });

  it('float conversions with flags, widths and precisions', () => {
    const values = [0, -0, 1, -1, 0.5, 1.5, 2.5, 0.125, 0.375, 1 / 3, 2 / 3, 123.456, -123.456, 1e-5, 1e-4, 9.9999e-5,
      1e15, 1e16, 1e21, 1e22, 123456789012, 0.1, 0.2, 0.3, 99.995, 9.5, 0.05, 0.25, 1e300, -1e-300, 5e-324,
      1.7976931348623157e308, 2 ** 53 + 2, 0.000123456, 999999.5, 9999995, Infinity, -Infinity, 1e100, 12345.6789];
    const cases: Case[] = [];
    for (const conv of ['e', 'E', 'f', 'g', 'G']) {
      const sp = specs(conv);
      for (let i = 0; i < sp.length; i++) cases.push({ fn: 'format', args: [sp[i], values[i % values.length]] });
      for (const v of values) {
        for (const p of ['', '.0', '.1', '.2', '.5', '.14', '.17', '.20', '.30', '.60', '.99']) {
          cases.push({ fn: 'format', args: [`%${p}${conv}`, v] });
        }
        cases.push({ fn: 'format', args: [`%#${conv}|%#.0${conv}|%+${conv}|% 012.3${conv}`, v, v, v, v] });
      }
    }
    expectNoDiff(cases);
  });

  it('exact decimal ties round to even like glibc', () => {
    const cases: Case[] = [];
    for (let k = 0; k < 64; k++) {
      const v = (2 * k + 1) / 8; // .125, .375, ...: exact ties at 2 decimals
      cases.push({ fn: 'format', args: ['%.2f %.1e %.2g %.0f', v, v, v, v] });
      cases.push({ fn: 'format', args: ['%.0f %.0e %.1g', k + 0.5, k + 0.5, k + 0.5] });
      cases.push({ fn: 'format', args: ['%.1e %.2e %.1g %.2g', k * 250 + 125, k * 250 + 125, k * 250 + 125, k * 25 + 25] });
    }
    for (const v of [999999.5, 999999.9, 99999.99996, 99.999996, 9.9996, 0.99996, 9.99996e-5]) {
      cases.push({ fn: 'format', args: ['%#g|%#.6g|%#.5g|%#.4g|%#.3g|%#.1g|%g|%.5g', v, v, v, v, v, v, v, v] });
    }
    for (const v of [2 ** -10, 2 ** -20, 3 * 2 ** -30, 1e23, 2 ** 60, 2 ** 70 + 2 ** 20, 4.35, 0.15, 2.675]) {
      for (let p = 0; p < 30; p++) cases.push({ fn: 'format', args: [`%.${p}f|%.${p}e|%.${p}g`, v, v, v] });
    }
    expectNoDiff(cases);
  });

  it('pseudo-random doubles over the exponent range', () => {
    const r = rng(12345);
    const cases: Case[] = [];
    for (let i = 0; i < 1500; i++) {
      const mant = r() * 10;
      const exp = Math.floor(r() * 80) - 40;
      const big = r() < 0.1 ? Math.floor(r() * 600) - 300 : exp;
      let v = mant * 10 ** big;
      if (r() < 0.3) v = Math.round(v * 1000) / 1000; // short decimals, near ties
      if (r() < 0.5) v = -v;
      const p = Math.floor(r() * 20);
      cases.push({ fn: 'format', args: [`%.${p}e|%.${p}f|%.${p}g|%g|%.17g`, v, v, v, v, v] });
    }
    expectNoDiff(cases);
  });

  it('%g of doubles with more digits than asked, from 1e-4 to 1e15 (nearest digits, fixed or exponent form)', () => {
    const r = rng(4242);
    const cases: Case[] = [];
    for (let i = 0; i < 1500; i++) {
      const exp = Math.floor(r() * 21) - 5; // 1e-5 .. 1e15: both edges of the fixed range
      let v = (1 + r() * 9) * 10 ** exp;
      if (r() < 0.3) v = Math.floor(r() * 100000) / 7; // as a ratio prints
      if (r() < 0.2) v = 10 ** exp - r() * 10 ** (exp - 14); // just below a power of ten: rounds up a digit
      const p = 1 + Math.floor(r() * 15);
      cases.push({ fn: 'format', args: [`%.${p}g|%.14g|%g|%.${p}G`, v, v, v, v] });
    }
    expectNoDiff(cases);
  });

  it('random specs: flags, widths, precisions, conversions (valid and invalid)', () => {
    const r = rng(777);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const convs = 'diouxXeEfgGcs%qaFzl'.split('');
    const cases: Case[] = [];
    for (let i = 0; i < 3000; i++) {
      let spec = '%';
      const nf = Math.floor(r() * 4);
      for (let k = 0; k < nf; k++) spec += pick(['-', '+', ' ', '#', '0']);
      if (r() < 0.6) spec += String(Math.floor(r() * (r() < 0.2 ? 150 : 30)));
      if (r() < 0.6) spec += '.' + (r() < 0.8 ? String(Math.floor(r() * (r() < 0.2 ? 150 : 25))) : '');
      const conv = pick(convs);
      spec += conv;
      const v = conv === 's' || conv === 'q'
        ? pick(['', 'abc', 'hello world', 'x\0y', '"quoted"\n'])
        : pick([0, 1, -1, 7.25, -7.25, 1e10, 65, 255.9, 1 / 3, -2.5e-5, 2 ** 40, 123456789.987]);
      cases.push({ fn: 'format', args: [`<${spec}>`, v] });
    }
    expectNoDiff(cases);
  });

  it('%s, %q and literal text', () => {
    const long = 'x'.repeat(120);
    const cases: Case[] = [
      { fn: 'format', args: ['hello'] },
      { fn: 'format', args: [''] },
      { fn: 'format', args: ['100%% sure %s', 'yes'] },
      { fn: 'format', args: ['[%5s][%-5s][%.2s][%5.1s][%05s][%.0s][%s]', 'abc', 'ab', 'abc', 'abc', 'ab', 'abc', ''] },
      { fn: 'format', args: ['[%s][%10s][%.3s]', long, long, long] },
      { fn: 'format', args: ['[%5s][%s]', 'a\0b', 'a\0b'] },
      { fn: 'format', args: ['%q', 'a\0b\r\n"\\\x01\xff end'] },
      { fn: 'format', args: ['%q|%q', '', 'plain'] },
      { fn: 'format', args: ['%10q', 'x'] },
      { fn: 'format', args: ['%s %s %s', 'a', 'b', 'c', 'extra'] },
      { fn: 'format', args: ['%d%%', 50] },
      { fn: 'format', args: ['%s', 12] },
      { fn: 'format', args: ['%d', '12'] },
      { fn: 'format', args: ['%5.1f', ' 3.14 '] },
      { fn: 'format', args: ['%x', '0x10'] },
    ];
    expectNoDiff(cases);
  });

  it('errors', () => {
    const cases: Case[] = [
      { fn: 'format', args: ['%d'] },
      { fn: 'format', args: ['%s'] },
      { fn: 'format', args: ['%d %d', 1] },
      { fn: 'format', args: ['%d', 'x'] },
      { fn: 'format', args: ['%d', undefined] },
      { fn: 'format', args: ['%f', true] as unknown[] },
      { fn: 'format', args: ['%y', 1] },
      { fn: 'format', args: ['%', 1] },
      { fn: 'format', args: ['%5', 1] },
      { fn: 'format', args: ['%F', 1] },
      { fn: 'format', args: ['%a', 1] },
      { fn: 'format', args: ['%ld', 1] },
      { fn: 'format', args: ['%100d', 1] },
      { fn: 'format', args: ['%.100f', 1] },
      { fn: 'format', args: ['%1.1.1f', 1] },
      { fn: 'format', args: ['%------d', 1] },
      { fn: 'format', args: ['%-----d', 1] },
      { fn: 'format', args: ['%q', undefined] },
      { fn: 'format', args: [] },
    ];
    expectNoDiff(cases);
  });
});

group('string.format: Wippy choices that differ from lua5.1', () => {
  it('%s uses tostring semantics: go-lua number text, nil, booleans, __tostring', () => {
    setToStringHook(tostring);
    const t = tableFromRecord({});
    t[MT] = tableFromRecord({ __tostring: () => 'OBJ' });
    expect(collect(S.format!('%s|%s|%s|%s|%s', 1e15, 0.1, undefined, true, t))).toEqual([
      '1000000000000000|0.1|nil|true|OBJ',
    ]);
    setToStringHook((v) => `<${typeof v}>`);
    expect(collect(S.format!('%s %s', {}, 'str'))).toEqual(['<object> str']);
    setToStringHook(tostring);
  });

  it('NaN prints as nan (JS NaN has no sign bit; lua5.1 x86 0/0 prints -nan)', () => {
    expect(collect(S.format!('%f|%5.1e|%G', NaN, NaN, NaN))).toEqual(['nan|  nan|NAN']);
  });

  it('a number argument to %q is converted with go-lua rules', () => {
    expect(collect(S.format!('%q', 1e15))).toEqual(['"1000000000000000"']);
  });
});

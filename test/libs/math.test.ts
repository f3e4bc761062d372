// The math library: differential against lua5.1 (results printed with %.17g, so compared bit for bit where both
// sides compute correctly rounded results, within a few ulps for the transcendental functions), pinned go-lua
// behaviour (mathlib.go) where Wippy differs from Lua 5.1.
import { describe, expect, it } from 'vitest';
import { openMathLib } from '../../runtime/lib/math.js';
import { R } from '../../runtime/core/results.js';
import { runLua51Lines } from './support.js';
import { callAllResults, errorOf, fn } from '../support/library-calls.js';

const lib = openMathLib();

/** [function, arguments as Lua source, tolerance: 0 = exact, else relative] */
type Case = [string, string, number];

const EXACT: Case[] = [];
const add = (f: string, argLists: string[], tol = 0): void => {
  for (const a of argLists) EXACT.push([f, a, tol]);
};

const specials = ['0', 'NZ', '1', '-1', '0.5', '-0.5', '2.5', '-2.5', '3', '-3', '1e300', '-1e-300', '1/0', '-1/0', '0/0'];
add('abs', specials);
add('ceil', specials);
add('floor', specials);
add('sqrt', ['0', 'NZ', '2', '1e-300', '1/0', '-1', '0/0', '"16"']);
add('fmod', ['5.5, 2', '-5.5, 2', '5.5, -2', '1, 0', '0, 1', '7, 1/0', '1/0, 2', 'NZ, 3', '1e300, 3']);
add('modf', ['3.7', '-3.7', '0', 'NZ', '5', '-5', '0.25', '-1e-320', '2^52 + 0.5', '0/0']);
add('frexp', ['0', 'NZ', '1', '-1', '0.5', '1024', '3', '-5', '1e300', '5e-324', '2.2250738585072014e-308', '1/0', '0/0']);
add('ldexp', ['1, 0', '0.5, 1', '1, 1023', '1, 1024', '1, -1074', '1, -1075', '0.75, -1074', '3, -1075', '1e-300, 2000', '1e300, -2000', '5, 2.9', '-1, 3']);
add('max', ['1', '3, 1, 2', '-1, -5', '1, 0/0', '0/0, 1', '"10", 9', '2.5, 2.25']);
add('min', ['1', '3, 1, 2', '-1, -5', '1, 0/0', '0/0, 1', '"10", 9', '2.5, 2.25']);
add('pow', ['2, 10', '2, 0.5', '2, -1', '-8, 1/3', '0, 0', '0/0, 0', '1, 0/0', '-1, 1/0', '-1, -1/0', '10, 308', '10, 309', '-2, 3', '"2", "3"']);
add('exp', ['0', '1', '-1', '709', '710', '-745', '0.5'], 1e-15);
add('log', ['1', '2.718281828459045', '10', '0', '-1', '1e300', '8, 2'], 1e-15);
add('log10', ['1', '10', '1000', '2', '0', '1e-300'], 1e-15);
add('sin', ['0', '1', '-1', '3.141592653589793', '100', '1e6'], 1e-15);
add('cos', ['0', '1', '-1', '3.141592653589793', '100', '1e6'], 1e-15);
add('tan', ['0', '1', '-1', '1.5', '100'], 1e-15);
add('asin', ['0', '0.5', '1', '-1', '2'], 1e-15);
add('acos', ['0', '0.5', '1', '-1', '2'], 1e-15);
add('atan', ['0', '1', '-1', '1e300', '1/0'], 1e-15);
add('atan2', ['1, 1', '1, -1', '-1, -1', '0, -1', 'NZ, -1', '0, 0', '1/0, 1/0'], 1e-15);
add('sinh', ['0', '1', '-1', '10'], 1e-15);
add('cosh', ['0', '1', '-1', '10'], 1e-15);
add('tanh', ['0', '1', '-1', '10', '100'], 1e-15);
add('deg', ['0', '1', '3.141592653589793', '-2'], 1e-15);
add('rad', ['0', '1', '180', '-90'], 1e-15);

function parseC(s: string): number {
  if (s === 'nan' || s === '-nan') return NaN;
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  return Number(s);
}

/** Lua source for the arguments, evaluated in JS (the forms used above only). */
function evalArgs(src: string): unknown[] {
  // tiny translation: Lua's ^ is power, quoted strings stay strings
  return Function('NZ', `"use strict"; return [${src.replace(/\^/g, '**')}];`)(-0) as unknown[];
}

describe('math library vs lua5.1', () => {
  // NZ is -0 computed at run time: lua5.1 folds the literal -0 into the constant 0
  const script = `
    local NZ = -tonumber('0')
    local function p(...)
      local o = { select('#', ...) }
      for i = 1, select('#', ...) do o[#o + 1] = string.format('%.17g', (select(i, ...))) end
      print(table.concat(o, ' '))
    end
    ${EXACT.map(([f, a]) => `p(math.${f}(${a}))`).join('\n')}
    print(string.format('%.17g', math.pi))`;
  const lines = runLua51Lines(script);

  it('ran every case', () => {
    expect(lines.length).toBe(EXACT.length + 1);
  });

  it.each(EXACT.map((c, i) => [`${c[0]}(${c[1]})`, i] as const))('%s', (_label, i) => {
    const [f, a, tol] = EXACT[i]!;
    const got = callAllResults(fn(lib, f), ...evalArgs(a));
    const [count, ...want] = lines[i]!.split(' ');
    expect(got.length).toBe(Number(count));
    want.forEach((w, k) => {
      const x = parseC(w);
      const y = got[k] as number;
      if (tol === 0 || x === 0 || !Number.isFinite(x)) expect(Object.is(y, x) || (x !== x && y !== y), `result ${k + 1}: ${y} vs ${w}`).toBe(true);
      else expect(Math.abs(y - x) / Math.abs(x), `result ${k + 1}: ${y} vs ${w}`).toBeLessThanOrEqual(tol);
    });
  });

  it('pi', () => {
    expect(lib.pi).toBe(parseC(lines[EXACT.length]!));
  });
});

describe('math library: Wippy (go-lua mathlib.go) behaviour', () => {
  it('has go-lua\'s names (mathFuncs and OpenMath)', () => {
    expect(Object.keys(lib).sort()).toEqual(
      [
        'abs', 'acos', 'asin', 'atan', 'atan2', 'ceil', 'cos', 'cosh', 'deg', 'exp', 'floor', 'fmod', 'frexp', 'huge',
        'ldexp', 'log', 'log10', 'max', 'maxinteger', 'min', 'mininteger', 'mod', 'modf', 'pi', 'pow', 'rad', 'random',
        'randomseed', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'tointeger', 'type', 'ult',
      ].sort(),
    );
  });

  it('math.huge is MaxFloat64, not inf', () => {
    expect(lib.huge).toBe(1.7976931348623157e308);
  });

  it('maxinteger/mininteger approximate int64 limits (2^63-1 is not a double)', () => {
    expect(lib.mininteger).toBe(-(2 ** 63));
    expect(lib.maxinteger).toBe(2 ** 63 - 1024);
    expect(Number.isInteger(lib.maxinteger)).toBe(true);
    expect((lib.maxinteger as number) < 2 ** 63).toBe(true);
  });

  it('math.mod is floored modulo (luaModulo), unlike 5.1\'s fmod alias', () => {
    const mod = fn(lib, 'mod');
    expect(mod(-5, 3)).toBe(1);
    expect(mod(5, -3)).toBe(-1);
    expect(mod(5.5, 2)).toBe(1.5);
    expect(Object.is(mod(-6, 3), -0)).toBe(true); // Go: math.Mod(-6, 3) is -0 and stays so
    expect(Number.isNaN(mod(1, 0))).toBe(true);
  });

  it('modf of infinities gives a NaN fraction (Go math.Modf)', () => {
    const [i, f] = callAllResults(fn(lib, 'modf'), Infinity);
    expect(i).toBe(Infinity);
    expect(Number.isNaN(f)).toBe(true);
  });

  it('max/min without arguments: "wrong number of arguments"', () => {
    expect(errorOf(fn(lib, 'max'))).toBe('wrong number of arguments');
    expect(errorOf(fn(lib, 'min'))).toBe('wrong number of arguments');
    expect(errorOf(fn(lib, 'max'), 1, 'x')).toBe("bad argument #2 to 'max' (number expected, got string)");
  });

  it('argument errors', () => {
    expect(errorOf(fn(lib, 'floor'), 'abc')).toBe("bad argument #1 to 'floor' (number expected, got string)");
    expect(errorOf(fn(lib, 'floor'))).toBe("bad argument #1 to 'floor' (number expected, got no value)");
    expect(errorOf(fn(lib, 'atan2'), 1)).toBe("bad argument #2 to 'atan2' (number expected, got no value)");
  });

  it('math.type: "integer" for integral values in int64 range, "float" otherwise, nil for non-numbers', () => {
    const type = fn(lib, 'type');
    expect(type(3)).toBe('integer');
    expect(type(-(2 ** 63))).toBe('integer');
    expect(type(2 ** 63)).toBe('float');
    expect(type(3.5)).toBe('float');
    expect(type(-0)).toBe('float');
    expect(type(Infinity)).toBe('float');
    expect(type(NaN)).toBe('float');
    expect(type('3')).toBe(undefined);
    expect(type()).toBe(undefined);
    expect(R.n).toBe(1);
  });

  it('math.tointeger accepts integral numbers and numeric strings (mathToInteger)', () => {
    const toint = fn(lib, 'tointeger');
    expect(toint(3)).toBe(3);
    expect(toint(3.5)).toBe(undefined);
    expect(toint(Infinity)).toBe(undefined);
    expect(toint(NaN)).toBe(undefined);
    expect(toint('10')).toBe(10);
    expect(toint('0x10')).toBe(16);
    expect(toint('1.5')).toBe(undefined);
    expect(toint('x')).toBe(undefined);
    expect(toint({})).toBe(undefined);
    expect(Object.is(toint(-0), 0)).toBe(true);
  });

  it('math.ult compares as unsigned 64-bit integers', () => {
    const ult = fn(lib, 'ult');
    expect(ult(1, 2)).toBe(true);
    expect(ult(2, 1)).toBe(false);
    expect(ult(-1, 1)).toBe(false);
    expect(ult(1, -1)).toBe(true);
    expect(ult(2 ** 62, -(2 ** 63))).toBe(true);
  });

  it('math.random ranges and "interval is empty"', () => {
    const random = fn(lib, 'random');
    for (let i = 0; i < 2000; i++) {
      const x = random() as number;
      expect(x >= 0 && x < 1).toBe(true);
      const y = random(3) as number;
      expect([1, 2, 3]).toContain(y);
      const z = random(-2, 2) as number;
      expect([-2, -1, 0, 1, 2]).toContain(z);
    }
    expect(random(5, 5)).toBe(5);
    expect(random(1)).toBe(1);
    expect(errorOf(random, 0)).toBe('interval is empty');
    expect(errorOf(random, 3, 2)).toBe('interval is empty');
    expect(errorOf(random, undefined)).toMatch(/^bad argument #1 to 'random' \(number expected, got (nil|no value)\)$/);
    const seen = new Set<unknown>();
    for (let i = 0; i < 500; i++) seen.add(random(1, 4));
    expect(seen.size).toBe(4);
  });

  it('math.randomseed is a no-op returning nothing', () => {
    expect(callAllResults(fn(lib, 'randomseed'), 42)).toEqual([]);
  });

  it('ldexp with huge exponents or a NaN answers at once (ldexp(0/0, 2^53) spun 10^13 times: a hung node)', () => {
    // go-lua mathlib.go: math.Ldexp(x, CheckInt) with a 64-bit exponent; Go's Ldexp returns NaN, ±Inf and ±0 as is
    const ldexp = fn(lib, 'ldexp');
    const t = performance.now();
    expect(ldexp(NaN, 2 ** 53)).toBeNaN();
    expect(ldexp(NaN, -(2 ** 53))).toBeNaN();
    expect(ldexp(1, 2 ** 53)).toBe(Infinity);
    expect(ldexp(-0.5, 2 ** 40)).toBe(-Infinity);
    expect(ldexp(1e300, -(2 ** 53))).toBe(0);
    expect(Object.is(ldexp(-1, -(2 ** 53)), -0)).toBe(true);
    expect(ldexp(Infinity, -(2 ** 53))).toBe(Infinity);
    expect(Object.is(ldexp(-0, 2 ** 53), -0)).toBe(true);
    // the clamp keeps results that need a long way round: a subnormal brought up, a huge value brought down
    expect(ldexp(2 ** -1074, 2100)).toBe(Infinity);
    expect(ldexp(2 ** -1074, 2097)).toBe(2 ** 1023);
    expect(ldexp(2 ** 1023, -2097)).toBe(2 ** -1074);
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it('frexp/ldexp round-trip on random doubles', () => {
    const frexp = fn(lib, 'frexp');
    const ldexp = fn(lib, 'ldexp');
    const buf = new Float64Array(1);
    const bits = new Uint32Array(buf.buffer);
    for (let i = 0; i < 2000; i++) {
      bits[0] = (Math.random() * 2 ** 32) >>> 0;
      bits[1] = (Math.random() * 2 ** 32) >>> 0;
      const x = buf[0]!;
      if (!Number.isFinite(x)) continue;
      const [m, e] = callAllResults(frexp, x) as [number, number];
      if (x !== 0) expect(Math.abs(m) >= 0.5 && Math.abs(m) < 1).toBe(true);
      expect(ldexp(m, e)).toBe(x);
    }
  });
});

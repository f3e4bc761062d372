// The `math` library as Wippy's go-lua defines it (mathlib.go, `mathFuncs` and `OpenMath`): the Lua 5.1 set plus
// go-lua's `mod`, and the 5.3 names tointeger, type, ult, maxinteger, mininteger. Numbers are doubles here, so
// the integer/float distinction of go-lua (LInteger vs LNumber) is approximated by the value (see `mathType`).
import { LuaTable } from '../core/table.js';
import { ret0, ret1, ret2 } from '../core/results.js';
import { luaError } from '../core/errors.js';
import { checkInt, checkNumber } from '../core/args.js';
import { stringToNumber } from '../core/number-format.js';

const TWO63 = 9223372036854775808;

/**
 * math.maxinteger is int64's 2^63-1 in go-lua, which a double cannot hold (it rounds up to 2^63, which prints
 * as a float). We use the largest double below 2^63, 2^63-1024: it is integral, prints as an integer, and for
 * every double x, `x <= maxinteger` holds exactly when x <= 2^63-1 does. math.mininteger, -2^63, is exact.
 */
export const MAX_INTEGER = TWO63 - 1024;
export const MIN_INTEGER = -TWO63;

/** Go's int64(f) on amd64: truncation, and MinInt64 for NaN or out-of-range values. */
function goInt64(f: number): bigint {
  return f > -TWO63 && f < TWO63 ? BigInt(Math.trunc(f)) : -(1n << 63n);
}

function unary(name: string, f: (x: number) => number): (x: unknown) => number {
  return (x) => ret1(f(checkNumber(x, 1, name)));
}

/** Go's math.Pow special cases where JS's `**` differs: pow(1, y) = 1 and pow(-1, ±Inf) = 1 (C99 agrees). */
export function goPow(x: number, y: number): number {
  if (x === 1) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  return x ** y;
}

/** Go's math.Frexp: x = frac * 2^exp with 0.5 <= |frac| < 1; zero, infinities and NaN come back with exp 0. */
export function frexp(x: number): [number, number] {
  if (x === 0 || x !== x || x === Infinity || x === -Infinity) return [x, 0];
  let e = 0;
  if (Math.abs(x) < 2.2250738585072014e-308) {
    // subnormal: normalise first so that the power of two below stays finite
    x *= 18446744073709551616; // 2^64
    e = -64;
  }
  let exp = Math.floor(Math.log2(Math.abs(x))) + 1;
  let m = x * 2 ** -exp;
  // log2 may be off by one next to powers of two
  while (Math.abs(m) < 0.5) {
    m *= 2;
    exp--;
  }
  while (Math.abs(m) >= 1) {
    m /= 2;
    exp++;
  }
  return [m, exp + e];
}

/** Go's math.Ldexp: frac * 2^exp, with the power applied in steps so no intermediate overflows. */
export function ldexp(frac: number, exp: number): number {
  // NaN, ±Inf and ±0 are their own result (Go's math.Ldexp). A NaN never met the loops' exits: ldexp(0/0, 2^53)
  // spun 10^13 times. Past ±2200 the result is ±Inf or ±0 whatever the fraction (doubles span 2^-1074..2^1024), so
  // the exponent is clamped there and each loop runs at most three times.
  if (frac !== frac || frac === 0 || frac === Infinity || frac === -Infinity) return frac;
  let x = frac;
  let e = exp > 2200 ? 2200 : exp < -2200 ? -2200 : exp;
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
    if (x === Infinity || x === -Infinity || x === 0) return x;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
    if (x === 0) return x;
  }
  return x * 2 ** e;
}

/** Go's math.Modf: integer part and fraction, both with the sign of x; Modf(±Inf) = ±Inf, NaN. */
export function modf(x: number): [number, number] {
  if (x < 1) {
    if (x < 0) {
      const [i, f] = modf(-x);
      return [-i, -f];
    }
    if (x === 0) return [x, x];
    return [0, x];
  }
  const i = Math.trunc(x);
  return [i, x - i];
}

/** go-lua `luaModulo` (math.mod and the `%` operator): Go's math.Mod, then moved to the sign of the divisor. */
export function luaModulo(a: number, b: number): number {
  let v = a % b;
  if ((b > 0 && v < 0) || (b < 0 && v > 0)) v += b;
  return v;
}

/**
 * math.type: go-lua answers "integer" for its LInteger values and "float" for LNumber ones. With doubles only,
 * a value counts as an integer when it is integral and inside int64's range (and not -0, which only float
 * arithmetic produces). So math.type(3.0) is "integer" here but "float" in Wippy, and likewise for the float
 * results of math.floor & co. Non-numbers (strings too) give nil, with no argument check (go-lua `mathType`).
 */
function mathType(x: unknown): string | undefined {
  if (typeof x !== 'number') return ret1(undefined);
  const isInt = Number.isInteger(x) && x >= -TWO63 && x < TWO63 && !Object.is(x, -0);
  return ret1(isInt ? 'integer' : 'float');
}

/** math.tointeger (go-lua `mathToInteger`): integral finite numbers, and strings that parse to one; else nil. */
function toInteger(x: unknown): number | undefined {
  let v: number | undefined;
  if (typeof x === 'number') v = x;
  else if (typeof x === 'string') v = stringToNumber(x);
  if (v === undefined || !Number.isInteger(v)) return ret1(undefined);
  return ret1(v === 0 ? 0 : v);
}

/** math.ult(m, n): unsigned 64-bit comparison of the int64 conversions (go-lua `mathUlt`). */
function ult(m: unknown, n: unknown): boolean {
  const a = BigInt.asUintN(64, goInt64(checkNumber(m, 1, 'ult')));
  const b = BigInt.asUintN(64, goInt64(checkNumber(n, 2, 'ult')));
  return ret1(a < b);
}

/** math.max / math.min (go-lua `mathMax`/`mathMin`): at least one number; comparisons as in PUC 5.1. */
function max(...args: unknown[]): number {
  if (args.length === 0) throw luaError('wrong number of arguments');
  let m = checkNumber(args[0], 1, 'max');
  for (let i = 1; i < args.length; i++) {
    const v = checkNumber(args[i], i + 1, 'max');
    if (v > m) m = v;
  }
  return ret1(m);
}

function min(...args: unknown[]): number {
  if (args.length === 0) throw luaError('wrong number of arguments');
  let m = checkNumber(args[0], 1, 'min');
  for (let i = 1; i < args.length; i++) {
    const v = checkNumber(args[i], i + 1, 'min');
    if (v < m) m = v;
  }
  return ret1(m);
}

/**
 * math.random (go-lua `mathRandom`, Go's auto-seeded math/rand/v2): no argument gives a float in [0, 1),
 * one gives an integer in [1, m], two or more an integer in [m, n]; "interval is empty" otherwise.
 * The branch follows the argument count (go-lua `L.GetTop()`), so random(nil) is an argument error.
 */
function random(m: unknown, n: unknown): number {
  const nargs = arguments.length;
  if (nargs === 0) return ret1(Math.random());
  const lo = nargs === 1 ? 1 : checkInt(m, 1, 'random');
  const hi = nargs === 1 ? checkInt(m, 1, 'random') : checkInt(n, 2, 'random');
  if (lo > hi) throw luaError('interval is empty');
  return ret1(Math.floor(Math.random() * (hi - lo + 1)) + lo);
}

/** math.randomseed: a no-op in Wippy (go-lua `mathRandomSeed`: math/rand/v2 is seeded from crypto/rand). */
function randomseed(): undefined {
  return ret0();
}

export function openMathLib(): LuaTable {
  const lib = new LuaTable();
  lib.abs = unary('abs', Math.abs);
  lib.acos = unary('acos', Math.acos);
  lib.asin = unary('asin', Math.asin);
  lib.atan = unary('atan', Math.atan);
  lib.atan2 = (y: unknown, x: unknown): number => ret1(Math.atan2(checkNumber(y, 1, 'atan2'), checkNumber(x, 2, 'atan2')));
  lib.ceil = unary('ceil', Math.ceil);
  lib.cos = unary('cos', Math.cos);
  lib.cosh = unary('cosh', Math.cosh);
  // go-lua: float64(x) * 180 / math.Pi and float64(x) * math.Pi / 180, evaluated left to right
  lib.deg = unary('deg', (x) => (x * 180) / Math.PI);
  lib.exp = unary('exp', Math.exp);
  lib.floor = unary('floor', Math.floor);
  // Go's math.Mod and JS's % are both C's fmod (truncated remainder with the sign of the dividend)
  lib.fmod = (a: unknown, b: unknown): number => ret1(checkNumber(a, 1, 'fmod') % checkNumber(b, 2, 'fmod'));
  lib.frexp = (x: unknown): number => {
    const [m, e] = frexp(checkNumber(x, 1, 'frexp'));
    return ret2(m, e);
  };
  lib.ldexp = (m: unknown, e: unknown): number => ret1(ldexp(checkNumber(m, 1, 'ldexp'), checkInt(e, 2, 'ldexp')));
  // natural logarithm only: go-lua's math.log has no base argument (like 5.1)
  lib.log = unary('log', Math.log);
  lib.log10 = unary('log10', Math.log10);
  lib.max = max;
  lib.min = min;
  lib.mod = (a: unknown, b: unknown): number => ret1(luaModulo(checkNumber(a, 1, 'mod'), checkNumber(b, 2, 'mod')));
  lib.modf = (x: unknown): number => {
    const [i, f] = modf(checkNumber(x, 1, 'modf'));
    return ret2(i, f);
  };
  lib.pow = (x: unknown, y: unknown): number => ret1(goPow(checkNumber(x, 1, 'pow'), checkNumber(y, 2, 'pow')));
  lib.rad = unary('rad', (x) => (x * Math.PI) / 180);
  lib.random = random;
  lib.randomseed = randomseed;
  lib.sin = unary('sin', Math.sin);
  lib.sinh = unary('sinh', Math.sinh);
  lib.sqrt = unary('sqrt', Math.sqrt);
  lib.tan = unary('tan', Math.tan);
  lib.tanh = unary('tanh', Math.tanh);
  lib.tointeger = toInteger;
  lib.type = mathType;
  lib.ult = ult;
  lib.pi = Math.PI;
  lib.huge = Number.MAX_VALUE; // go-lua: math.MaxFloat64, not +Inf
  lib.maxinteger = MAX_INTEGER;
  lib.mininteger = MIN_INTEGER;
  return lib;
}

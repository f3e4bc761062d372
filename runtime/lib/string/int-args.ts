// Integer arguments as PUC Lua 5.1 reads them on x86-64: luaL_checkinteger casts the double to a 64-bit
// ptrdiff_t (truncation; NaN and out-of-range values become INT64_MIN), luaL_checkint further keeps the low
// 32 bits. These matter for edge cases such as string.sub(s, 1e300) or string.rep(s, 2^32 + 1).
import { checkNumber } from '../../core/args.js';

const TWO63 = 9223372036854775808;

/** (lua_Integer)d: truncation toward zero, INT64_MIN when out of range or NaN. */
export function toInt64(d: number): number {
  return d > -TWO63 && d < TWO63 ? Math.trunc(d) : -TWO63;
}

/** (int)(lua_Integer)d. */
export function toInt32(d: number): number {
  return d > -TWO63 && d < TWO63 ? d | 0 : 0;
}

export function argInteger(v: unknown, n: number, fname: string): number {
  return toInt64(checkNumber(v, n, fname));
}

export function optInteger(v: unknown, n: number, fname: string, def: number): number {
  return v === undefined ? def : toInt64(checkNumber(v, n, fname));
}

export function argInt32(v: unknown, n: number, fname: string): number {
  return toInt32(checkNumber(v, n, fname));
}

export function optInt32(v: unknown, n: number, fname: string, def: number): number {
  return v === undefined ? def : toInt32(checkNumber(v, n, fname));
}

/** lstrlib.c posrelat: a negative position counts from the end; the result is >= 0. */
export function posrelat(pos: number, len: number): number {
  if (pos < 0) pos += len + 1;
  return pos >= 0 ? pos : 0;
}

// The byte-level string functions with Lua 5.1 semantics (lstrlib.c): byte, char, len, lower, upper, rep,
// reverse, sub. Strings hold bytes (one char code 0..255 per byte); case mapping is ASCII only (C locale).
import { argError, checkStr } from '../../core/args.js';
import { luaError } from '../../core/errors.js';
import { BIG_VALUE, chargeBig } from '../../core/preempt.js';
import { R, ret0, ret1 } from '../../core/results.js';
import { argInt32, argInteger, optInteger, posrelat, toInt32 } from './int-args.js';
import { checkNumber } from '../../core/args.js';

/** LUAI_MAXCSTACK: lua_checkstack refuses to grow a C function's stack past this many slots. */
const MAXCSTACK = 8000;

export function strLen(s: unknown): number {
  return ret1(checkStr(s, 1, 'len').length);
}

export function strSub(s: unknown, i: unknown, j?: unknown): string {
  const str = checkStr(s, 1, 'sub');
  const l = str.length;
  let start = posrelat(argInteger(i, 2, 'sub'), l);
  let end = posrelat(optInteger(j, 3, 'sub', -1), l);
  if (start < 1) start = 1;
  if (end > l) end = l;
  R.n = 1;
  if (start > end) return '';
  return start === 1 && end === l ? str : str.slice(start - 1, end);
}

export function strByte(s: unknown, i?: unknown, j?: unknown): unknown {
  const str = checkStr(s, 1, 'byte');
  const l = str.length;
  let posi = posrelat(optInteger(i, 2, 'byte', 1), l);
  let pose = j === undefined ? posi : posrelat(optInteger(j, 3, 'byte', posi), l);
  if (posi <= 0) posi = 1;
  if (pose > l) pose = l;
  if (posi > pose) return ret0();
  const n = pose - posi + 1;
  if (n === 1) return ret1(str.charCodeAt(posi - 1));
  const nargs = j !== undefined ? 3 : i !== undefined ? 2 : 1;
  if (n + nargs > MAXCSTACK) throw luaError('stack overflow (string slice too long)');
  const rv = R.rv;
  for (let k = 1; k < n; k++) rv[k] = str.charCodeAt(posi - 1 + k);
  R.n = n;
  return str.charCodeAt(posi - 1);
}

export function strChar(...codes: unknown[]): string {
  const n = codes.length;
  if (n === 1) {
    const c = argInt32(codes[0], 1, 'char');
    if (c < 0 || c > 255) throw argError(1, 'char', 'invalid value');
    return ret1(String.fromCharCode(c));
  }
  const out = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const c = toInt32(checkNumber(codes[k], k + 1, 'char'));
    if (c < 0 || c > 255) throw argError(k + 1, 'char', 'invalid value');
    out[k] = c;
  }
  let s = '';
  // fromCharCode.apply in chunks keeps huge argument lists off the JS stack
  for (let k = 0; k < n; k += 4096) s += String.fromCharCode.apply(null, out.slice(k, k + 4096));
  return ret1(s);
}

/** The longest string V8 can make (String::kMaxLength on 64-bit hosts). */
const MAX_STRING_LENGTH = 0x1fffffe8;

export function strRep(s: unknown, n: unknown): string {
  const str = checkStr(s, 1, 'rep');
  // The count is a 64-bit integer as go-lua's CheckInt reads it (Go's int; wippyai/go-lua stringlib.go strRep), not
  // lua5.1's 32-bit int whose wrap-around turned 2^31 into a negative count and "". A count whose result cannot exist
  // (2^31, 1/0 copies) is a memory error, as allocating it is in go-lua; NaN and -1/0 count as 0.
  const d = checkNumber(n, 2, 'rep');
  R.n = 1;
  if (!(d >= 1) || str.length === 0) return '';
  if (str.length * Math.trunc(d) > MAX_STRING_LENGTH) throw luaError('not enough memory');
  if (str.length * d >= BIG_VALUE) chargeBig();
  return str.repeat(Math.trunc(d));
}

export function strReverse(s: unknown): string {
  const str = checkStr(s, 1, 'reverse');
  R.n = 1;
  const n = str.length;
  if (n < 2) return str;
  if (n >= BIG_VALUE) chargeBig();
  let out = '';
  for (let k = n - 1; k >= 0; k--) out += str[k];
  return out;
}

const HAS_UPPER = /[A-Z]/;
const HAS_LOWER = /[a-z]/;
const HAS_HIGH = /[\x80-\xff]/;
/** Below this length a char loop beats a RegExp call for the checks below. */
const SHORT = 32;

/** Bit 1: the string has a byte in lo..hi; bit 2: it has a byte >= 0x80. */
function scan(str: string, lo: number, hi: number): number {
  let r = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c >= lo && c <= hi) r |= 1;
    else if (c >= 128) r |= 2;
  }
  return r;
}

export function strLower(s: unknown): string {
  const str = checkStr(s, 1, 'lower');
  R.n = 1;
  if (str.length >= BIG_VALUE) chargeBig();
  const r = str.length < SHORT ? scan(str, 65, 90) : (HAS_UPPER.test(str) ? 1 : 0) | (HAS_HIGH.test(str) ? 2 : 0);
  if ((r & 1) === 0) return str;
  // toLowerCase would also map Latin-1 letters (0xC0-0xDE), which are not letters in the C locale
  if ((r & 2) === 0) return str.toLowerCase();
  return str.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

export function strUpper(s: unknown): string {
  const str = checkStr(s, 1, 'upper');
  R.n = 1;
  if (str.length >= BIG_VALUE) chargeBig();
  const r = str.length < SHORT ? scan(str, 97, 122) : (HAS_LOWER.test(str) ? 1 : 0) | (HAS_HIGH.test(str) ? 2 : 0);
  if ((r & 1) === 0) return str;
  // toUpperCase maps 0xB5 and 0xFF outside Latin-1 and 0xDF to "SS"
  if ((r & 2) === 0) return str.toUpperCase();
  return str.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

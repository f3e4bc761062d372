// string.format following Lua 5.1's str_format and C printf (glibc): %d %i %u %c %o %x %X %e %E %f %g %G %q %s
// %%, flags "-+ #0", width and precision of at most two digits each. Integer conversions cast the double like
// x86-64 C does; %s uses tostring semantics (through the hook of tostring-hook.ts) instead of 5.1's type error.
import { argError, checkNumber, checkStr } from '../../core/args.js';
import { luaError } from '../../core/errors.js';
import { numberToString } from '../../core/number-format.js';
import { ret1 } from '../../core/results.js';
import { formatFloatDigits } from './format-number.js';
import { toInt32, toInt64 } from './int-args.js';
import { luaToString } from './tostring-hook.js';

const TWO63 = 9223372036854775808;
const TWO64 = 18446744073709551616;

const F_MINUS = 1;
const F_PLUS = 2;
const F_SPACE = 4;
const F_ALT = 8;
const F_ZERO = 16;

const f64 = new Float64Array(1);
const u8 = new Uint8Array(f64.buffer);

function isNegative(x: number): boolean {
  if (x === x) return x < 0 || (x === 0 && 1 / x < 0);
  f64[0] = x;
  return (u8[7]! & 0x80) !== 0; // the sign bit of a NaN, which glibc prints as "-nan"
}

function spaces(n: number): string {
  return n > 0 ? ' '.repeat(n) : '';
}

/** Width and the '-'/'0' flags around sign + prefix + digits. */
function pad(sign: string, prefix: string, body: string, width: number, flags: number, zeroOk: boolean): string {
  const len = sign.length + prefix.length + body.length;
  if (width <= len) return sign + prefix + body;
  if (flags & F_MINUS) return sign + prefix + body + spaces(width - len);
  if (flags & F_ZERO && zeroOk) return sign + prefix + '0'.repeat(width - len) + body;
  return spaces(width - len) + sign + prefix + body;
}

/** (unsigned long)d as gcc compiles it on x86-64 (values >= 2^63 go through d - 2^63). */
function toUint64(d: number): number | bigint {
  let v: number;
  if (d >= TWO63) {
    const y = d - TWO63;
    if (!(y < TWO63)) return 0;
    return BigInt(Math.trunc(y)) + 9223372036854775808n;
  }
  v = toInt64(d);
  if (v >= 0) return v <= 9007199254740991 ? v : BigInt(v);
  return BigInt(v) + 18446744073709551616n;
}

function formatInt(x: number, conv: number, flags: number, width: number, prec: number | undefined): string {
  let digits: string;
  let sign = '';
  let prefix = '';
  if (conv === 100 || conv === 105) { // d i
    const v = toInt64(x);
    if (v < 0) sign = '-';
    else if (flags & F_PLUS) sign = '+';
    else if (flags & F_SPACE) sign = ' ';
    const a = v < 0 ? -v : v;
    digits = a <= 9007199254740991 ? String(a) : (a === TWO63 ? '9223372036854775808' : BigInt(a).toString());
  } else {
    const v = toUint64(x);
    const radix = conv === 111 ? 8 : conv === 117 ? 10 : 16;
    digits = v.toString(radix);
    if (conv === 88) digits = digits.toUpperCase();
    if (flags & F_ALT && (conv === 120 || conv === 88) && v !== 0 && v !== 0n) prefix = conv === 120 ? '0x' : '0X';
  }
  if (prec !== undefined) {
    if (prec === 0 && digits === '0') digits = '';
    if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
  }
  if (flags & F_ALT && conv === 111 && digits.charCodeAt(0) !== 48) digits = '0' + digits;
  return pad(sign, prefix, digits, width, flags, prec === undefined);
}

function formatFloat(x: number, conv: number, flags: number, width: number, prec: number | undefined): string {
  const neg = isNegative(x);
  const sign = neg ? '-' : flags & F_PLUS ? '+' : flags & F_SPACE ? ' ' : '';
  const upper = conv === 69 || conv === 71;
  let body: string;
  if (x !== x || x === Infinity || x === -Infinity) {
    body = x !== x ? 'nan' : 'inf';
    return pad(sign, '', upper ? body.toUpperCase() : body, width, flags, false);
  }
  body = formatFloatDigits(neg ? -x : x, upper ? conv + 32 : conv, prec, (flags & F_ALT) !== 0);
  if (upper) body = body.toUpperCase();
  return pad(sign, '', body, width, flags, true);
}

/** lstrlib.c addquoted. */
function quoteString(s: string): string {
  let out = '"';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string;
    if (c === 34) rep = '\\"';
    else if (c === 92) rep = '\\\\';
    else if (c === 10) rep = '\\\n';
    else if (c === 13) rep = '\\r';
    else if (c === 0) rep = '\\000';
    else continue;
    out += s.slice(from, i) + rep;
    from = i + 1;
  }
  return out + s.slice(from) + '"';
}

function cutAtNul(s: string): string {
  const z = s.indexOf('\0');
  return z < 0 ? s : s.slice(0, z);
}

/** luaL_checknumber for a format argument that is present (so a nil reads "got nil", not "got no value"). */
function numberArg(v: unknown, argn: number): number {
  if (typeof v === 'number') return v;
  if (v === undefined) throw argError(argn, 'format', 'number expected, got nil');
  return checkNumber(v, argn, 'format');
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** One conversion of a format string, with the literal text before it; `err` is a syntax error raised when reached. */
interface Spec {
  lit: string;
  conv: number;
  flags: number;
  width: number;
  prec: number | undefined;
  err: string | undefined;
}

interface CompiledFormat {
  specs: Spec[];
  /** literal text after the last conversion */
  tail: string;
}

const FORMAT_CACHE_LIMIT = 256;
const formatCache = new Map<string, CompiledFormat>();

/** str_format's scan of the format string, done once per format string (errors are kept for when they are reached). */
function compileFormat(f: string): CompiledFormat {
  const n = f.length;
  const specs: Spec[] = [];
  let lit = '';
  let from = 0;
  let i = f.indexOf('%');
  while (i >= 0 && i < n) {
    lit += f.slice(from, i);
    i++;
    if (f.charCodeAt(i) === 37) {
      lit += '%';
      from = ++i;
      i = f.indexOf('%', i);
      continue;
    }
    let err: string | undefined;
    let flags = 0;
    let p = i;
    for (;;) {
      const c = f.charCodeAt(p);
      const fl = c === 45 ? F_MINUS : c === 43 ? F_PLUS : c === 32 ? F_SPACE : c === 35 ? F_ALT : c === 48 ? F_ZERO : 0;
      if (fl === 0) break;
      flags |= fl;
      p++;
    }
    if (p - i >= 6) err = 'invalid format (repeated flags)';
    let width = 0;
    if (isDigit(f.charCodeAt(p))) width = f.charCodeAt(p++) - 48;
    if (isDigit(f.charCodeAt(p))) width = width * 10 + f.charCodeAt(p++) - 48;
    let prec: number | undefined;
    if (f.charCodeAt(p) === 46) {
      p++;
      prec = 0;
      if (isDigit(f.charCodeAt(p))) prec = f.charCodeAt(p++) - 48;
      if (isDigit(f.charCodeAt(p))) prec = prec * 10 + f.charCodeAt(p++) - 48;
    }
    if (err === undefined && isDigit(f.charCodeAt(p))) err = 'invalid format (width or precision too long)';
    const conv = p < n ? f.charCodeAt(p) : 0;
    if (err === undefined && !KNOWN_CONVERSIONS.includes(conv)) {
      err = `invalid option '%${conv === 0 ? '' : String.fromCharCode(conv)}' to 'format'`;
    }
    specs.push({ lit, conv, flags, width, prec, err });
    if (err !== undefined) return { specs, tail: '' }; // nothing after an error is ever reached
    lit = '';
    from = i = p + 1;
    i = f.indexOf('%', i);
  }
  return { specs, tail: lit + f.slice(from) };
}

// d i o u x X c e E f g G q s
const KNOWN_CONVERSIONS = [100, 105, 111, 117, 120, 88, 99, 101, 69, 102, 103, 71, 113, 115];

function compiled(f: string): CompiledFormat {
  let cf = formatCache.get(f);
  if (cf === undefined) {
    cf = compileFormat(f);
    if (formatCache.size >= FORMAT_CACHE_LIMIT) formatCache.clear();
    formatCache.set(f, cf);
  }
  return cf;
}

/**
 * Whether the format string reads argument `k` (0-based, after the format) with %s, the one conversion that calls
 * `__tostring` (meta-twins.ts runs that handler first when it must run as a twin).
 */
export function readsAsString(fmt: string, k: number): boolean {
  const sp = compiled(fmt).specs[k];
  return sp !== undefined && sp.err === undefined && sp.conv === 115;
}

export function strFormat(fmt: unknown, ...args: unknown[]): unknown {
  const f = checkStr(fmt, 1, 'format');
  const cf = compiled(f);
  const specs = cf.specs;
  const nargs = args.length;
  let out = '';
  for (let k = 0; k < specs.length; k++) {
    const sp = specs[k]!;
    out += sp.lit;
    if (k >= nargs) throw argError(k + 2, 'format', 'no value');
    if (sp.err !== undefined) throw luaError(sp.err);
    const arg = args[k];
    const conv = sp.conv;
    const flags = sp.flags;
    const width = sp.width;
    const prec = sp.prec;
    switch (conv) {
      case 100: case 105: case 111: case 117: case 120: case 88: // d i o u x X
        // the common plain %d of an int32 needs none of formatInt's casts and padding
        if (conv === 100 && typeof arg === 'number' && (arg | 0) === arg && flags === 0 && width === 0 && prec === undefined) {
          out += String(arg);
        } else out += formatInt(numberArg(arg, k + 2), conv, flags, width, prec);
        break;
      case 99: { // c: sprintf's "%c" of a NUL ends the C string that Lua copies
        const ch = String.fromCharCode(toInt32(numberArg(arg, k + 2)) & 0xff);
        out += cutAtNul(pad('', '', ch, width, flags, false));
        break;
      }
      case 101: case 69: case 102: case 103: case 71: // e E f g G
        out += formatFloat(numberArg(arg, k + 2), conv, flags, width, prec);
        break;
      case 113: // q
        if (arg === undefined) throw argError(k + 2, 'format', 'string expected, got nil');
        out += quoteString(checkStr(arg, k + 2, 'format'));
        break;
      default: { // s (compileFormat let no other conversion through)
        const s = typeof arg === 'string' ? arg : typeof arg === 'number' ? numberToString(arg) : luaToString(arg);
        if (prec === undefined && s.length >= 100) {
          out += s; // 5.1 keeps long strings as they are (no width applied)
        } else {
          let body = cutAtNul(s);
          if (prec !== undefined && body.length > prec) body = body.slice(0, prec);
          out += width === 0 ? body : pad('', '', body, width, flags, false);
        }
        break;
      }
    }
  }
  return ret1(out + cf.tail);
}

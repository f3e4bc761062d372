// Durations as Go's time.Duration (int64 nanoseconds, held in a JS number): ParseDuration and Duration.String with
// Go's grammar, overflow rules and error texts, the Duration userdata, and the duration-argument rules of
// Wippy's time module (modules/time/yields.go `ParseDuration` and `parseDurationValue`).
import { LuaUserdata, typeName } from '../../../core/value.js';
import { LuaTable } from '../../../core/table.js';

export const NANOSECOND = 1;
export const MICROSECOND = 1e3;
export const MILLISECOND = 1e6;
export const SECOND = 1e9;
export const MINUTE = 60e9;
export const HOUR = 3600e9;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Filled by values.ts (methods and `__tostring`). */
export const durationMeta = new LuaTable();

export class DurationValue extends LuaUserdata {
  /** nanoseconds, an integer-valued number */
  readonly ns: number;
  constructor(ns: number) {
    super(durationMeta);
    this.ns = ns;
  }
}

export function isDuration(v: unknown): v is DurationValue {
  return v instanceof DurationValue;
}

/** Go's time.quote: quotes, with `"` and `\` escaped and bytes < 0x20 or >= 0x80 as \xNN. */
export function goQuote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 || c < 0x20) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c === 0x22 || c === 0x5c) out += `\\${s[i]}`;
    else out += s[i];
  }
  return out + '"';
}

// Unit names are byte strings: "µs" is U+00B5 and "μs" U+03BC, both UTF-8 encoded.
const UNITS = new Map<string, bigint>([
  ['ns', 1n],
  ['us', 1000n],
  ['\xC2\xB5s', 1000n],
  ['\xCE\xBCs', 1000n],
  ['ms', 1000000n],
  ['s', 1000000000n],
  ['m', 60000000000n],
  ['h', 3600000000000n],
]);

const LIMIT = 2n ** 63n;

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export type DurationParse = { ok: true; ns: number } | { ok: false; message: string };

/** Go's time.ParseDuration: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, exact to the nanosecond, int64 range. */
export function parseGoDuration(orig: string): DurationParse {
  const invalid = (): DurationParse => ({ ok: false, message: `time: invalid duration ${goQuote(orig)}` });
  let s = orig;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, ns: 0 };
  if (s === '') return invalid();
  let d = 0n;
  let i = 0;
  while (i < s.length) {
    const c0 = s.charCodeAt(i);
    if (!(c0 === 46 || isDigitCode(c0))) return invalid();
    // integer part; overflow past 2^63 is an error
    let v = 0n;
    const intStart = i;
    while (i < s.length && isDigitCode(s.charCodeAt(i))) {
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > LIMIT) return invalid();
      i++;
    }
    const pre = i !== intStart;
    // fraction: digits past int64 precision are consumed but ignored
    let f = 0n;
    let scale = 1;
    let post = false;
    if (i < s.length && s[i] === '.') {
      i++;
      const fracStart = i;
      let overflow = false;
      while (i < s.length && isDigitCode(s.charCodeAt(i))) {
        if (!overflow) {
          const y = f * 10n + BigInt(s.charCodeAt(i) - 48);
          if (y > LIMIT) overflow = true;
          else {
            f = y;
            scale *= 10;
          }
        }
        i++;
      }
      post = i !== fracStart;
    }
    if (!pre && !post) return invalid();
    const unitStart = i;
    while (i < s.length && s[i] !== '.' && !isDigitCode(s.charCodeAt(i))) i++;
    if (i === unitStart) return { ok: false, message: `time: missing unit in duration ${goQuote(orig)}` };
    const u = s.slice(unitStart, i);
    const unit = UNITS.get(u);
    if (unit === undefined) {
      return { ok: false, message: `time: unknown unit ${goQuote(u)} in duration ${goQuote(orig)}` };
    }
    if (v > LIMIT / unit) return invalid();
    v *= unit;
    if (f > 0n) {
      // Go computes the fraction in float64: nanosecond-exact for fractions of an hour
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > LIMIT) return invalid();
    }
    d += v;
    if (d > LIMIT) return invalid();
  }
  if (neg) return { ok: true, ns: Number(-d) };
  if (d > LIMIT - 1n) return invalid();
  return { ok: true, ns: Number(d) };
}

/** Digits of v / 10^prec's fraction, trailing zeros dropped, with the dot; "" when the fraction is 0. */
function fraction(v: bigint, prec: number): [string, bigint] {
  let digits = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    print = print || digit !== 0n;
    if (print) digits = digit.toString() + digits;
    v /= 10n;
  }
  return [print ? `.${digits}` : '', v];
}

/** Go's Duration.String: "1h30m0s", "1.5s", "100ms", "1.5µs", "0s". */
export function formatGoDuration(ns: number): string {
  const d = clampInt64(ns);
  if (d === 0n) return '0s';
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  if (u < 1000000000n) {
    if (u < 1000n) out = `${u}ns`;
    else if (u < 1000000n) {
      const [frac, whole] = fraction(u, 3);
      out = `${whole}${frac}\xC2\xB5s`;
    } else {
      const [frac, whole] = fraction(u, 6);
      out = `${whole}${frac}ms`;
    }
  } else {
    const [frac, secs] = fraction(u, 9);
    u = secs;
    out = `${u % 60n}${frac}s`;
    u /= 60n;
    if (u > 0n) {
      out = `${u % 60n}m${out}`;
      u /= 60n;
      if (u > 0n) out = `${u}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}

/**
 * A stored duration as an exact int64. Durations live in doubles, so MaxInt64 (from parsing or saturation)
 * reads back as 2^63: values past the range saturate.
 */
export function clampInt64(x: number): bigint {
  if (Number.isNaN(x)) return 0n;
  if (x >= 9223372036854775807) return INT64_MAX;
  if (x <= -9223372036854775808) return INT64_MIN;
  return BigInt(Math.trunc(x));
}

/** Go's `time.Duration(v)` for a Lua number: truncation, and MinInt64 when out of range (amd64 conversion). */
export function durationFromNumber(x: number): number {
  if (!Number.isFinite(x) || x >= 9223372036854775807 || x < -9223372036854775808) return -9223372036854775808;
  return Math.trunc(x);
}

/** Go's `%T` of a Lua value as gopher-lua types print, for "invalid value type: ..." messages. */
function goTypeName(v: unknown): string {
  switch (typeName(v)) {
    case 'nil':
      return '*lua.LNilType';
    case 'boolean':
      return 'lua.LBool';
    case 'table':
      return '*lua.LTable';
    case 'function':
      return '*lua.LFunction';
    case 'thread':
      return '*lua.LState';
    default:
      return '*lua.LUserData';
  }
}

/**
 * The duration argument of sleep/timer/after/ticker (yields.go `ParseDuration`): a number of nanoseconds,
 * a Go duration string, or a Duration; anything else is "duration must be number or string".
 */
export function toDurationNs(v: unknown): DurationParse {
  if (typeof v === 'number') return { ok: true, ns: durationFromNumber(v) };
  if (typeof v === 'string') return parseGoDuration(v);
  if (v instanceof DurationValue) return { ok: true, ns: v.ns };
  return { ok: false, message: 'duration must be number or string' };
}

/** The argument of parse_duration and Time:add (yields.go `parseDurationValue`), with its error texts. */
export function durationValueNs(v: unknown): DurationParse {
  if (v instanceof DurationValue) return { ok: true, ns: v.ns };
  if (typeof v === 'string') return parseGoDuration(v);
  if (typeof v === 'number') return { ok: true, ns: durationFromNumber(v) };
  if (v instanceof LuaUserdata) return { ok: false, message: `invalid duration type: ${goUserdataType(v)}` };
  return { ok: false, message: `invalid value type: ${goTypeName(v)}` };
}

function goUserdataType(v: LuaUserdata): string {
  const n = v.constructor.name;
  if (n === 'TimeValue') return '*time.Time';
  if (n === 'LocationValue') return '*time.Location';
  return '*lua.LUserData';
}

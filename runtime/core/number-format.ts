// Number <-> string conversions as Wippy's go-lua does them (tostring, tonumber, coercion in arithmetic and `..`).
// Sources (github.com/wippyai/go-lua): value.go `LNumber.String`, utils.go `IsIntegerValue`/`parseNumber`,
// baselib.go `baseToNumber`; the Go rules are those of strconv.FormatFloat/ParseInt/ParseFloat.

const TWO63 = 9223372036854775808;

/**
 * tostring(n): go-lua's `LNumber.String()`. A value equal to its int64 conversion prints as an integer
 * (`strconv.FormatInt`), anything else with `strconv.FormatFloat(f, 'g', -1, 64)`: shortest round-trip digits,
 * exponent form when exp < -4 or exp >= 21... no: >= 6 for the shortest precision ("1e+06", "1.5e-05"), and
 * "+Inf", "-Inf", "NaN". Go's int64(f) on amd64 yields MinInt64 for out-of-range values, so only integral
 * values in [-2^63, 2^63) print as integers (2^63 prints "9.223372036854776e+18").
 */
export function numberToString(n: number): string {
  if ((n | 0) === n) return String(n); // int32 (and -0, which prints "0"): the common case
  if (Number.isInteger(n) && n >= -TWO63 && n < TWO63) {
    if (n > -1e21 && n < 1e21) {
      // JS prints integers below 1e21 in full; above 2^53 its digits are shortest-round-trip, not exact.
      if (n >= -9007199254740992 && n <= 9007199254740992) return n === 0 ? '0' : String(n);
    }
    return BigInt(n).toString();
  }
  return formatFloatG(n);
}

/** strconv.FormatFloat(n, 'g', -1, 64). */
export function formatFloatG(n: number): string {
  if (n !== n) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  // In [1e-4, 1e6) both Go ('g', shortest) and JS print the shortest digits in fixed notation.
  const a = n < 0 ? -n : n;
  if (a >= 1e-4 && a < 1e6) return String(n);
  // toExponential() without an argument gives the shortest round-trip digits, like Go's shortest mode.
  const e = n.toExponential();
  const ePos = e.indexOf('e');
  let mant = e.slice(0, ePos);
  const exp = Number(e.slice(ePos + 1));
  let neg = '';
  if (mant.charCodeAt(0) === 45) {
    neg = '-';
    mant = mant.slice(1);
  }
  const digits = mant.length > 1 ? mant[0] + mant.slice(2) : mant;
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const ae = Math.abs(exp);
    return `${neg}${frac}e${exp < 0 ? '-' : '+'}${ae < 10 ? '0' : ''}${ae}`;
  }
  if (exp < 0) return `${neg}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intLen = exp + 1;
  if (digits.length <= intLen) return neg + digits + '0'.repeat(intLen - digits.length);
  return `${neg}${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
}

/** Go's strings.Trim(s, " \t\n"): only these three characters (not \r, \v, \f). */
function trimGo(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b) {
    const c = s.charCodeAt(a);
    if (c !== 32 && c !== 9 && c !== 10) break;
    a++;
  }
  while (b > a) {
    const c = s.charCodeAt(b - 1);
    if (c !== 32 && c !== 9 && c !== 10) break;
    b--;
  }
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/**
 * String -> number coercion (arithmetic on strings, luaL_checknumber): go-lua utils.go `parseNumber`.
 * Trims " \t\n", then tries strconv.ParseInt(s, 0, 64) (so "0x1F", "0b101", "0o17", "017" = octal 15,
 * "1_000" all parse), then strconv.ParseFloat(s, 64) ("1e5", ".5", "0x1p4", "inf", "nan"; out of range fails).
 */
export function stringToNumber(s: string): number | undefined {
  const v = shortDecimal(s);
  if (v !== undefined) return v;
  const t = trimGo(s);
  const iv = parseGoInt(t, 0);
  if (iv !== undefined) return iv;
  return parseGoFloat(t);
}

/**
 * A short plain decimal integer without leading zero (`"123"`, `"-45"`, under 16 characters: exact), which every
 * reading of a numeral (coercion, tonumber) gives the same value; undefined for anything else.
 */
function shortDecimal(s: string): number | undefined {
  const len = s.length;
  if (len === 0 || len >= 16) return undefined;
  let i = 0;
  let c = s.charCodeAt(0);
  if (c === 45 && len > 1) i = 1;
  c = s.charCodeAt(i);
  if (c < 49 || c > 57) return undefined;
  let v = 0;
  for (; i < len; i++) {
    c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    v = v * 10 + (c - 48);
  }
  return s.charCodeAt(0) === 45 ? -v : v;
}

/**
 * tonumber(s) without a base: go-lua baselib.go `baseToNumber`. Trims " \n\t"; a string containing "." goes
 * through strconv.ParseFloat; otherwise a "0x"/"0X" prefix selects base 16 and the rest must parse with
 * strconv.ParseInt(s, base, 64) (sign allowed, no exponent: tonumber("1e5") is nil, int64 overflow is nil).
 */
export function parseTonumber(s: string): number | undefined {
  const v = shortDecimal(s);
  if (v !== undefined) return v;
  const t = trimGo(s);
  if (t.indexOf('.') >= 0) return parseGoFloat(t);
  const c0 = t.charCodeAt(0);
  const c1 = t.charCodeAt(1);
  if (c0 === 48 && (c1 === 120 || c1 === 88)) return parseGoInt(t.slice(2), 16);
  // A word (a key tried as a number first, `tonumber(part) or part`): base 10 needs a digit after the sign.
  const d = c0 === 43 || c0 === 45 ? c1 : c0;
  if (!(d >= 48 && d <= 57)) return undefined;
  return parseGoInt(t, 10);
}

/**
 * tonumber(s, base) with an explicit base: go-lua `baseToNumber` with noBase false. A string containing "."
 * is still parsed as a float (whatever the base); otherwise strconv.ParseInt(s, base, 64): digits 0-9a-z
 * (either case), an optional sign, no "0x" prefix; a base outside 2..36 (other than 0) gives nil, not an error
 * (Lua 5.1 raises "base out of range": the caller decides whether to check first).
 */
export function parseIntBase(s: string, base: number): number | undefined {
  const t = trimGo(s);
  if (t.indexOf('.') >= 0) return parseGoFloat(t);
  return parseGoInt(t, base);
}

// ---- Go strconv.ParseInt / ParseFloat syntax (strconv/atoi.go, strconv/atof.go) ----

function lower(c: number): number {
  return c | 0x20;
}

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = lower(c);
  if (l >= 97 && l <= 122) return l - 97 + 10;
  return 99;
}

/** strconv's underscoreOK: "_" only between digits, or between a base prefix and a digit. */
function underscoreOK(s: string): boolean {
  let saw = 94; // '^' beginning, 48 '0' digit or prefix, 95 '_', 33 '!' other
  let i = 0;
  if (s.length >= 1 && (s.charCodeAt(0) === 45 || s.charCodeAt(0) === 43)) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s.charCodeAt(0) === 48) {
    const l = lower(s.charCodeAt(1));
    if (l === 98 || l === 111 || l === 120) {
      i = 2;
      saw = 48;
      hex = l === 120;
    }
  }
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (hex && lower(c) >= 97 && lower(c) <= 102)) {
      saw = 48;
      continue;
    }
    if (c === 95) {
      if (saw !== 48) return false;
      saw = 95;
      continue;
    }
    if (saw === 95) return false;
    saw = 33;
  }
  return saw !== 95;
}

/** strconv.ParseInt(s, base, 64) converted to a float64; undefined on any error (syntax, range, base). */
export function parseGoInt(s: string, base: number): number | undefined {
  if (s.length === 0) return undefined;
  let i = 0;
  let neg = false;
  const c0 = s.charCodeAt(0);
  if (c0 === 43 || c0 === 45) {
    neg = c0 === 45;
    i = 1;
  }
  const s0 = s.slice(i);
  if (s0.length === 0) return undefined;
  const base0 = base === 0;
  if (base0) {
    base = 10;
    if (s.charCodeAt(i) === 48) {
      const l = s0.length >= 3 ? lower(s.charCodeAt(i + 1)) : 0;
      if (l === 98) base = 2;
      else if (l === 111) base = 8;
      else if (l === 120) base = 16;
      if (base !== 10) i += 2;
      else {
        base = 8;
        i += 1;
      }
    }
  } else if (base < 2 || base > 36 || !Number.isInteger(base)) {
    return undefined;
  }
  let v = 0;
  let big: bigint | undefined;
  let underscores = false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 95 && base0) {
      underscores = true;
      continue;
    }
    const d = digitValue(c);
    if (d >= base) return undefined;
    if (big === undefined) {
      const nv = v * base + d;
      if (nv > 9007199254740991) big = BigInt(v) * BigInt(base) + BigInt(d);
      else v = nv;
    } else {
      big = big * BigInt(base) + BigInt(d);
      if (big > 18446744073709551615n) return undefined; // ParseUint range error
    }
  }
  if (underscores && !underscoreOK(s0)) return undefined;
  if (big !== undefined) {
    if (neg ? big > 9223372036854775808n : big >= 9223372036854775808n) return undefined;
    const r = Number(big); // BigInt -> Number rounds to nearest, ties to even, like Go's float64(int64)
    return neg ? -r : r;
  }
  return neg && v !== 0 ? -v : v;
}

/** strconv.ParseFloat(s, 64); undefined on a syntax error or when the value overflows (ErrRange). */
export function parseGoFloat(s: string): number | undefined {
  const n = s.length;
  if (n === 0) return undefined;
  const sp = parseSpecial(s);
  if (sp !== undefined) return sp;
  let i = 0;
  let neg = false;
  const c0 = s.charCodeAt(0);
  if (c0 === 43 || c0 === 45) {
    neg = c0 === 45;
    i = 1;
  }
  let hex = false;
  if (i + 2 < n && s.charCodeAt(i) === 48 && lower(s.charCodeAt(i + 1)) === 120) {
    hex = true;
    i += 2;
  }
  const mantStart = i;
  let underscores = false;
  let sawdot = false;
  let sawdigits = false;
  let fracDigits = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 95) {
      underscores = true;
      continue;
    }
    if (c === 46) {
      if (sawdot) break;
      sawdot = true;
      continue;
    }
    const isDigit = c >= 48 && c <= 57;
    if (isDigit || (hex && lower(c) >= 97 && lower(c) <= 102)) {
      sawdigits = true;
      if (sawdot) fracDigits++;
      continue;
    }
    break;
  }
  if (!sawdigits) return undefined;
  const mantEnd = i;
  let exp = 0;
  if (i < n && lower(s.charCodeAt(i)) === (hex ? 112 : 101)) {
    i++;
    if (i >= n) return undefined;
    let esign = 1;
    if (s.charCodeAt(i) === 43) i++;
    else if (s.charCodeAt(i) === 45) {
      i++;
      esign = -1;
    }
    if (i >= n || s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57) return undefined;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c === 95) {
        underscores = true;
        continue;
      }
      if (c < 48 || c > 57) break;
      if (exp < 10000) exp = exp * 10 + (c - 48);
    }
    exp *= esign;
  } else if (hex) {
    return undefined; // a hexadecimal mantissa requires a 'p' exponent
  }
  if (i !== n) return undefined;
  if (underscores && !underscoreOK(s)) return undefined;
  let v: number;
  if (hex) {
    const digits = s.slice(mantStart, mantEnd).replace(/[._]/g, '');
    v = scaleBig(BigInt('0x' + digits), exp - 4 * fracDigits);
  } else {
    v = Math.abs(Number(s.slice(0, i).replace(/_/g, '')));
  }
  if (v === Infinity) return undefined;
  return neg ? -v : v;
}

/** ParseFloat's special values: [+-]inf, [+-]infinity, nan (any case; no sign on nan). */
function parseSpecial(s: string): number | undefined {
  const c0 = s.charCodeAt(0);
  let t = s;
  let sign = 1;
  if (c0 === 43 || c0 === 45) {
    sign = c0 === 45 ? -1 : 1;
    t = s.slice(1);
  } else if (lower(c0) === 110) {
    return t.length === 3 && t.toLowerCase() === 'nan' ? NaN : undefined;
  }
  if (lower(t.charCodeAt(0)) !== 105) return undefined;
  const l = t.toLowerCase();
  return l === 'inf' || l === 'infinity' ? sign * Infinity : undefined;
}

/** m * 2^e rounded to the nearest double (ties to even), Infinity on overflow. */
function scaleBig(m: bigint, e: number): number {
  if (m === 0n) return 0;
  const len = m.toString(2).length;
  const top = len - 1 + e; // exponent of the leading bit
  if (top > 1023) return Infinity;
  let keep = 53;
  if (top < -1022) keep = 53 - (-1022 - top);
  const shift = len - keep;
  if (shift > 0) {
    const sb = BigInt(shift);
    let q = m >> sb;
    const rem = m & ((1n << sb) - 1n);
    const half = 1n << (sb - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
    return ldexp(Number(q), e + shift);
  }
  return ldexp(Number(m), e);
}

function ldexp(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

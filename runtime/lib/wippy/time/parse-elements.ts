// Element readers of Go's time parser (time/format.go: skip, getnum, getnum3, atoi, lookup, parseNanoseconds,
// parseTimeZone, the numeric zone offsets) and its ParseError text.
import { goQuote } from './duration.js';
import { isDigitAt, type Std } from './layout.js';

/** The "bad value" outcome of an element reader (Go's errBad). */
export class Bad {}
export const BAD = new Bad();

/** Go's ParseError.Error(). */
export function parseError(layout: string, value: string, layoutElem: string, valueElem: string, message: string): string {
  if (message === '') {
    return `parsing time ${goQuote(value)} as ${goQuote(layout)}: cannot parse ${goQuote(valueElem)} as ${goQuote(layoutElem)}`;
  }
  return `parsing time ${goQuote(value)}${message}`;
}

export function cutspace(s: string): string {
  let i = 0;
  while (i < s.length && s[i] === ' ') i++;
  return s.slice(i);
}

/** Consumes the literal `prefix` from `value`; a space in the layout matches any run of spaces. */
export function skip(value: string, prefix: string): string | Bad {
  while (prefix.length > 0) {
    if (prefix[0] === ' ') {
      if (value.length > 0 && value[0] !== ' ') return BAD;
      prefix = cutspace(prefix);
      value = cutspace(value);
      continue;
    }
    if (value.length === 0 || value[0] !== prefix[0]) return BAD;
    prefix = prefix.slice(1);
    value = value.slice(1);
  }
  return value;
}

/** One or two digits (exactly two when fixed). */
export function getnum(s: string, fixed: boolean): [number, string] | Bad {
  if (!isDigitAt(s, 0)) return BAD;
  if (!isDigitAt(s, 1)) {
    if (fixed) return BAD;
    return [s.charCodeAt(0) - 48, s.slice(1)];
  }
  return [(s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48), s.slice(2)];
}

/** One to three digits (exactly three when fixed). */
export function getnum3(s: string, fixed: boolean): [number, string] | Bad {
  let n = 0;
  let i = 0;
  for (; i < 3 && isDigitAt(s, i); i++) n = n * 10 + (s.charCodeAt(i) - 48);
  if (i === 0 || (fixed && i !== 3)) return BAD;
  return [n, s.slice(i)];
}

/** Go's atoi: optional sign, then digits only. */
export function atoi(s: string): number | Bad {
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (!/^[0-9]+$/.test(s)) return BAD;
  const x = Number(s);
  return neg ? -x : x;
}

/** Case-insensitive prefix match against a name table (Go's lookup). */
export function lookup(tab: string[], val: string): [number, string] | Bad {
  for (let i = 0; i < tab.length; i++) {
    const v = tab[i]!;
    if (val.length >= v.length && val.slice(0, v.length).toLowerCase() === v.toLowerCase()) {
      return [i, val.slice(v.length)];
    }
  }
  return BAD;
}

export function commaOrPeriod(c: string | undefined): boolean {
  return c === '.' || c === ',';
}

/** nanoseconds of the fraction value[0..nbytes) (separator included). */
export function parseNanoseconds(value: string, nbytes: number): [number, string] | Bad {
  if (!commaOrPeriod(value[0])) return BAD;
  if (nbytes > 10) {
    value = value.slice(0, 10);
    nbytes = 10;
  }
  const ns = atoi(value.slice(1, nbytes));
  if (ns instanceof Bad) return BAD;
  if (ns < 0) return [0, 'fractional second'];
  let scaled = ns;
  for (let i = 0; i < 10 - nbytes; i++) scaled *= 10;
  return [scaled, ''];
}

export function parseSignedOffset(value: string): number {
  const sign = value[0];
  if (sign !== '-' && sign !== '+') return 0;
  let i = 1;
  let x = 0;
  while (isDigitAt(value, i)) {
    x = x * 10 + (value.charCodeAt(i) - 48);
    i++;
  }
  if (i === 1 || x > 23) return 0;
  return i;
}

/** Length of a zone abbreviation at the start of value, or 0 (Go's parseTimeZone). */
export function parseTimeZone(value: string): number {
  if (value.length < 3) return 0;
  if (value.startsWith('ChST') || value.startsWith('MeST')) return 4;
  if (value.startsWith('GMT')) return 3 + (value.length > 3 ? parseSignedOffset(value.slice(3)) : 0);
  if (value[0] === '+' || value[0] === '-') return parseSignedOffset(value);
  let n = 0;
  while (n < 6 && n < value.length && value[n]! >= 'A' && value[n]! <= 'Z') n++;
  switch (n) {
    case 5:
      return value[4] === 'T' ? 5 : 0;
    case 4:
      return value[3] === 'T' || value.startsWith('WITA') ? 4 : 0;
    case 3:
      return 3;
    default:
      return 0;
  }
}

/** Reads a numeric zone offset: [seconds east, rest of value, range error]. */
export function parseOffset(std: Std, value: string): [number, string, string] | Bad {
  let sign: string;
  let hh: string;
  let mm = '00';
  let ss = '00';
  if (std === 'ISO8601ColonTZ' || std === 'NumColonTZ') {
    if (value.length < 6 || value[3] !== ':') return BAD;
    [sign, hh, mm, value] = [value[0]!, value.slice(1, 3), value.slice(4, 6), value.slice(6)];
  } else if (std === 'NumShortTZ' || std === 'ISO8601ShortTZ') {
    if (value.length < 3) return BAD;
    [sign, hh, value] = [value[0]!, value.slice(1, 3), value.slice(3)];
  } else if (std === 'ISO8601ColonSecondsTZ' || std === 'NumColonSecondsTZ') {
    if (value.length < 9 || value[3] !== ':' || value[6] !== ':') return BAD;
    [sign, hh, mm, ss, value] = [value[0]!, value.slice(1, 3), value.slice(4, 6), value.slice(7, 9), value.slice(9)];
  } else if (std === 'ISO8601SecondsTZ' || std === 'NumSecondsTz') {
    if (value.length < 7) return BAD;
    [sign, hh, mm, ss, value] = [value[0]!, value.slice(1, 3), value.slice(3, 5), value.slice(5, 7), value.slice(7)];
  } else {
    if (value.length < 5) return BAD;
    [sign, hh, mm, value] = [value[0]!, value.slice(1, 3), value.slice(3, 5), value.slice(5)];
  }
  const h = getnum(hh, true);
  const m = getnum(mm, true);
  const s = getnum(ss, true);
  if (h instanceof Bad || m instanceof Bad || s instanceof Bad) return BAD;
  let rangeErr = '';
  if (h[0] > 24) rangeErr = 'time zone offset hour';
  if (m[0] > 60) rangeErr = 'time zone offset minute';
  if (s[0] > 60) rangeErr = 'time zone offset second';
  let offset = (h[0] * 60 + m[0]) * 60 + s[0];
  if (sign === '-') offset = -offset;
  else if (sign !== '+') return BAD;
  return [offset, value, rangeErr];
}

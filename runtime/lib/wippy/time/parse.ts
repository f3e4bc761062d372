// Go's time.ParseInLocation: reads a value by a reference layout, with Go's leniencies (any 1-2 digit day, a
// fractional second after seconds even when the layout has none) and its ParseError texts.
import { daysIn, isLeap } from './civil.js';
import { UTC, fixedZone, type LocationValue } from './location.js';
import { dateTime, addDuration, withLocation, type TimeValue } from './instant.js';
import { goQuote } from './duration.js';
import {
  nextStdChunk,
  isDigitAt,
  LONG_DAY_NAMES,
  SHORT_DAY_NAMES,
  LONG_MONTH_NAMES,
  SHORT_MONTH_NAMES,
  type Std,
} from './layout.js';

class Bad {}
const BAD = new Bad();

/** Go's ParseError.Error(). */
function parseError(layout: string, value: string, layoutElem: string, valueElem: string, message: string): string {
  if (message === '') {
    return `parsing time ${goQuote(value)} as ${goQuote(layout)}: cannot parse ${goQuote(valueElem)} as ${goQuote(layoutElem)}`;
  }
  return `parsing time ${goQuote(value)}${message}`;
}

function cutspace(s: string): string {
  let i = 0;
  while (i < s.length && s[i] === ' ') i++;
  return s.slice(i);
}

/** Consumes the literal `prefix` from `value`; a space in the layout matches any run of spaces. */
function skip(value: string, prefix: string): string | Bad {
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
function getnum(s: string, fixed: boolean): [number, string] | Bad {
  if (!isDigitAt(s, 0)) return BAD;
  if (!isDigitAt(s, 1)) {
    if (fixed) return BAD;
    return [s.charCodeAt(0) - 48, s.slice(1)];
  }
  return [(s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48), s.slice(2)];
}

/** One to three digits (exactly three when fixed). */
function getnum3(s: string, fixed: boolean): [number, string] | Bad {
  let n = 0;
  let i = 0;
  for (; i < 3 && isDigitAt(s, i); i++) n = n * 10 + (s.charCodeAt(i) - 48);
  if (i === 0 || (fixed && i !== 3)) return BAD;
  return [n, s.slice(i)];
}

/** Go's atoi: optional sign, then digits only. */
function atoi(s: string): number | Bad {
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
function lookup(tab: string[], val: string): [number, string] | Bad {
  for (let i = 0; i < tab.length; i++) {
    const v = tab[i]!;
    if (val.length >= v.length && val.slice(0, v.length).toLowerCase() === v.toLowerCase()) {
      return [i, val.slice(v.length)];
    }
  }
  return BAD;
}

function commaOrPeriod(c: string | undefined): boolean {
  return c === '.' || c === ',';
}

/** nanoseconds of the fraction value[0..nbytes) (separator included). */
function parseNanoseconds(value: string, nbytes: number): [number, string] | Bad {
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

function parseSignedOffset(value: string): number {
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
function parseTimeZone(value: string): number {
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

const DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

export type TimeParse = { ok: true; time: TimeValue } | { ok: false; message: string };

/** Go's time.ParseInLocation(layout, value, loc): `loc` is both the default and the "local" zone. */
export function parseTime(alayout: string, avalue: string, loc: LocationValue): TimeParse {
  let layout = alayout;
  let value = avalue;
  let rangeErr = '';
  let amSet = false;
  let pmSet = false;
  let year = 0;
  let month = -1;
  let day = -1;
  let yday = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0;
  let z: LocationValue | undefined;
  let zoneOffset = -1;
  let zoneName = '';
  const fail = (layoutElem: string, valueElem: string, message = ''): TimeParse => ({
    ok: false,
    message: parseError(alayout, avalue, layoutElem, valueElem, message),
  });

  for (;;) {
    const c = nextStdChunk(layout);
    const skipped = skip(value, c.prefix);
    if (skipped instanceof Bad) return fail(c.prefix, value);
    value = skipped;
    if (c.std === undefined) {
      if (value.length !== 0) return fail('', value, `: extra text: ${goQuote(value)}`);
      break;
    }
    layout = c.suffix;
    const hold = value;
    const std: Std = c.std;
    let bad = false;
    const num = (r: [number, string] | Bad): number => {
      if (r instanceof Bad) {
        bad = true;
        return 0;
      }
      value = r[1];
      return r[0];
    };
    switch (std) {
      case 'Year': {
        if (value.length < 2) {
          bad = true;
          break;
        }
        const y = atoi(value.slice(0, 2));
        value = value.slice(2);
        if (y instanceof Bad) bad = true;
        else year = y >= 69 ? y + 1900 : y + 2000;
        break;
      }
      case 'LongYear': {
        if (value.length < 4 || !isDigitAt(value, 0)) {
          bad = true;
          break;
        }
        const y = atoi(value.slice(0, 4));
        value = value.slice(4);
        if (y instanceof Bad) bad = true;
        else year = y;
        break;
      }
      case 'Month':
        month = num(lookup(SHORT_MONTH_NAMES, value)) + 1;
        break;
      case 'LongMonth':
        month = num(lookup(LONG_MONTH_NAMES, value)) + 1;
        break;
      case 'NumMonth':
      case 'ZeroMonth':
        month = num(getnum(value, std === 'ZeroMonth'));
        if (!bad && (month <= 0 || month > 12)) rangeErr = 'month';
        break;
      case 'WeekDay':
        num(lookup(SHORT_DAY_NAMES, value));
        break;
      case 'LongWeekDay':
        num(lookup(LONG_DAY_NAMES, value));
        break;
      case 'Day':
      case 'UnderDay':
      case 'ZeroDay':
        if (std === 'UnderDay' && value[0] === ' ') value = value.slice(1);
        day = num(getnum(value, std === 'ZeroDay'));
        break;
      case 'UnderYearDay':
      case 'ZeroYearDay':
        for (let i = 0; i < 2; i++) if (std === 'UnderYearDay' && value[0] === ' ') value = value.slice(1);
        yday = num(getnum3(value, std === 'ZeroYearDay'));
        break;
      case 'Hour':
        hour = num(getnum(value, false));
        if (hour < 0 || hour >= 24) rangeErr = 'hour';
        break;
      case 'Hour12':
      case 'ZeroHour12':
        hour = num(getnum(value, std === 'ZeroHour12'));
        if (hour < 0 || hour > 12) rangeErr = 'hour';
        break;
      case 'Minute':
      case 'ZeroMinute':
        min = num(getnum(value, std === 'ZeroMinute'));
        if (min < 0 || min >= 60) rangeErr = 'minute';
        break;
      case 'Second':
      case 'ZeroSecond': {
        sec = num(getnum(value, std === 'ZeroSecond'));
        if (bad) break;
        if (sec < 0 || sec >= 60) {
          rangeErr = 'second';
          break;
        }
        // A fractional second in the value but not in the layout is accepted.
        if (value.length >= 2 && commaOrPeriod(value[0]) && isDigitAt(value, 1)) {
          const next = nextStdChunk(layout).std;
          if (next === 'FracSecond0' || next === 'FracSecond9') break;
          let n = 2;
          while (n < value.length && isDigitAt(value, n)) n++;
          const r = parseNanoseconds(value, n);
          if (r instanceof Bad) bad = true;
          else [nsec, rangeErr] = r;
          value = value.slice(n);
        }
        break;
      }
      case 'PM':
      case 'pm': {
        if (value.length < 2) {
          bad = true;
          break;
        }
        const p = value.slice(0, 2);
        value = value.slice(2);
        const [pm, am] = std === 'PM' ? ['PM', 'AM'] : ['pm', 'am'];
        if (p === pm) pmSet = true;
        else if (p === am) amSet = true;
        else bad = true;
        break;
      }
      case 'TZ': {
        if (value.startsWith('UTC')) {
          z = UTC;
          value = value.slice(3);
          break;
        }
        const n = parseTimeZone(value);
        if (n === 0) {
          bad = true;
          break;
        }
        zoneName = value.slice(0, n);
        value = value.slice(n);
        break;
      }
      case 'FracSecond0': {
        const ndigit = 1 + c.digits;
        if (value.length < ndigit) {
          bad = true;
          break;
        }
        const r = parseNanoseconds(value, ndigit);
        if (r instanceof Bad) bad = true;
        else [nsec, rangeErr] = r;
        value = value.slice(ndigit);
        break;
      }
      case 'FracSecond9': {
        if (value.length < 2 || !commaOrPeriod(value[0]) || !isDigitAt(value, 1)) break; // omitted
        let i = 0;
        while (i + 1 < value.length && isDigitAt(value, i + 1)) i++;
        const r = parseNanoseconds(value, 1 + i);
        if (r instanceof Bad) bad = true;
        else [nsec, rangeErr] = r;
        value = value.slice(1 + i);
        break;
      }
      default: {
        // numeric and ISO 8601 zone offsets
        if (std.startsWith('ISO8601') && value[0] === 'Z') {
          value = value.slice(1);
          z = UTC;
          break;
        }
        const r = parseOffset(std, value);
        if (r instanceof Bad) {
          bad = true;
          break;
        }
        [zoneOffset, value, rangeErr] = r;
      }
    }
    if (rangeErr !== '') return fail(c.stdText, value, `: ${rangeErr} out of range`);
    if (bad) return fail(c.stdText, hold);
  }

  if (pmSet && hour < 12) hour += 12;
  else if (amSet && hour === 12) hour = 0;

  if (yday >= 0) {
    let d = 0;
    let m = 0;
    if (isLeap(year)) {
      if (yday === 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) yday--;
    }
    if (yday < 1 || yday > 365) return fail('', value, ': day-of-year out of range');
    if (m === 0) {
      m = Math.floor((yday - 1) / 31) + 1;
      if (DAYS_BEFORE[m]! < yday) m++;
      d = yday - DAYS_BEFORE[m - 1]!;
    }
    if (month >= 0 && month !== m) return fail('', value, ': day-of-year does not match month');
    month = m;
    if (day >= 0 && day !== d) return fail('', value, ': day-of-year does not match day');
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysIn(month, year)) return fail('', value, ': day out of range');

  if (z !== undefined) return { ok: true, time: dateTime(year, month, day, hour, min, sec, nsec, z) };

  if (zoneOffset !== -1) {
    const utc = dateTime(year, month, day, hour, min, sec, nsec, UTC);
    const t = addDuration(utc, -zoneOffset * 1e9);
    // The local zone is used when it has that offset (and name) at that instant, else a fixed zone.
    const local = loc.lookup(t.sec);
    if (local.offset === zoneOffset && (zoneName === '' || local.name === zoneName)) {
      return { ok: true, time: withLocation(t, loc) };
    }
    return { ok: true, time: withLocation(t, fixedZone(zoneName, zoneOffset)) };
  }

  if (zoneName !== '') {
    const utc = dateTime(year, month, day, hour, min, sec, nsec, UTC);
    const local = loc.lookup(utc.sec);
    if (local.name === zoneName) {
      return { ok: true, time: withLocation(addDuration(utc, -local.offset * 1e9), loc) };
    }
    // Unknown abbreviation: a fixed zone with offset 0, or the hours of "GMT+h".
    let offset = 0;
    if (zoneName.length > 3 && zoneName.startsWith('GMT')) {
      const h = atoi(zoneName.slice(3));
      offset = h instanceof Bad ? 0 : h * 3600;
    }
    return { ok: true, time: withLocation(utc, fixedZone(zoneName, offset)) };
  }

  return { ok: true, time: dateTime(year, month, day, hour, min, sec, nsec, loc) };
}

/** Reads a numeric zone offset: [seconds east, rest of value, range error]. */
function parseOffset(std: Std, value: string): [number, string, string] | Bad {
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

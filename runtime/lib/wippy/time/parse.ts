// Go's time.ParseInLocation: reads a value by a reference layout, with Go's leniencies (any 1-2 digit day, a
// fractional second after seconds even when the layout has none) and its ParseError texts.
import { daysIn, isLeap } from '../../civil.js';
import { UTC, fixedZone, type LocationValue } from './location.js';
import { dateTime, addDuration, withLocation, type TimeValue } from './instant.js';
import {
  Bad,
  parseError,
  skip,
  getnum,
  getnum3,
  atoi,
  lookup,
  commaOrPeriod,
  parseNanoseconds,
  parseTimeZone,
  parseOffset,
} from './parse-elements.js';
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

// Lua methods of Time userdata (modules/time/yields.go `registerTimeMethods`): argument checks raise
// "bad argument #n to 'm' (time expected)" as the Go methods' ArgError calls do.
import { ret1, ret3 } from '../../../core/results.js';
import { argError, checkInt, checkStr } from '../../../core/args.js';
import { DurationValue, durationValueNs } from './duration.js';
import { LOCAL, UTC, LocationValue } from './location.js';
import {
  TimeValue,
  timeMeta,
  civilOf,
  addDuration,
  subTimes,
  compareTimes,
  addDate,
  formatTime,
  timeString,
  withLocation,
  isZeroTime,
  unixNano,
  roundTime,
  truncateTime,
} from './instant.js';
import { fillMeta } from './values.js';

function checkTime(v: unknown, n: number, fname: string): TimeValue {
  if (v instanceof TimeValue) return v;
  throw argError(n, fname, 'time expected');
}

function checkDurationArg(v: unknown, fname: string): DurationValue {
  if (v instanceof DurationValue) return v;
  throw argError(2, fname, 'duration expected');
}

/** A method returning one wall-clock field. */
function field(fname: string, get: (c: ReturnType<typeof civilOf>) => number) {
  return (t: unknown): unknown => ret1(get(civilOf(checkTime(t, 1, fname))));
}

export const RFC3339 = '2006-01-02T15:04:05Z07:00';

fillMeta(
  timeMeta,
  {
    add(t: unknown, d: unknown): unknown {
      const self = checkTime(t, 1, 'add');
      const r = durationValueNs(d);
      if (!r.ok) throw argError(2, 'add', r.message);
      return ret1(addDuration(self, r.ns));
    },
    sub(t: unknown, u: unknown): unknown {
      const self = checkTime(t, 1, 'sub');
      return ret1(new DurationValue(subTimes(self, checkTime(u, 2, 'sub'))));
    },
    add_date(t: unknown, y: unknown, m: unknown, d: unknown): unknown {
      const self = checkTime(t, 1, 'add_date');
      return ret1(addDate(self, checkInt(y, 2, 'add_date'), checkInt(m, 3, 'add_date'), checkInt(d, 4, 'add_date')));
    },
    after: (t: unknown, u: unknown) => ret1(compareTimes(checkTime(t, 1, 'after'), checkTime(u, 2, 'after')) > 0),
    before: (t: unknown, u: unknown) => ret1(compareTimes(checkTime(t, 1, 'before'), checkTime(u, 2, 'before')) < 0),
    equal: (t: unknown, u: unknown) => ret1(compareTimes(checkTime(t, 1, 'equal'), checkTime(u, 2, 'equal')) === 0),
    format(t: unknown, layout: unknown): unknown {
      const self = checkTime(t, 1, 'format');
      return ret1(formatTime(self, checkStr(layout, 2, 'format')));
    },
    format_rfc3339: (t: unknown) => ret1(formatTime(checkTime(t, 1, 'format_rfc3339'), RFC3339)),
    unix: (t: unknown) => ret1(checkTime(t, 1, 'unix').sec),
    unix_nano: (t: unknown) => ret1(unixNano(checkTime(t, 1, 'unix_nano'))),
    date(t: unknown): unknown {
      const c = civilOf(checkTime(t, 1, 'date'));
      return ret3(c.year, c.month, c.day);
    },
    clock(t: unknown): unknown {
      const c = civilOf(checkTime(t, 1, 'clock'));
      return ret3(c.hour, c.minute, c.second);
    },
    year: field('year', (c) => c.year),
    month: field('month', (c) => c.month),
    day: field('day', (c) => c.day),
    hour: field('hour', (c) => c.hour),
    minute: field('minute', (c) => c.minute),
    second: field('second', (c) => c.second),
    nanosecond: (t: unknown) => ret1(checkTime(t, 1, 'nanosecond').nsec),
    weekday: field('weekday', (c) => c.weekday),
    year_day: field('year_day', (c) => c.yday),
    is_zero: (t: unknown) => ret1(isZeroTime(checkTime(t, 1, 'is_zero'))),
    in_location(t: unknown, loc: unknown): unknown {
      const self = checkTime(t, 1, 'in_location');
      if (!(loc instanceof LocationValue)) throw argError(2, 'in_location', 'location expected');
      return ret1(withLocation(self, loc));
    },
    location: (t: unknown) => ret1(checkTime(t, 1, 'location').loc),
    utc: (t: unknown) => ret1(withLocation(checkTime(t, 1, 'utc'), UTC)),
    in_local: (t: unknown) => ret1(withLocation(checkTime(t, 1, 'in_local'), LOCAL)),
    round(t: unknown, d: unknown): unknown {
      const self = checkTime(t, 1, 'round');
      return ret1(roundTime(self, checkDurationArg(d, 'round').ns));
    },
    truncate(t: unknown, d: unknown): unknown {
      const self = checkTime(t, 1, 'truncate');
      return ret1(truncateTime(self, checkDurationArg(d, 'truncate').ns));
    },
  },
  { __tostring: (t: unknown) => ret1(timeString(checkTime(t, 1, 'tostring'))) },
);

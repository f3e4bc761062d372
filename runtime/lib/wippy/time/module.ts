// Wippy's `time` module table (modules/time/yields.go `initModuleTable`): constants, now/date/unix/parse/
// parse_duration/load_location/fixed_zone. The scheduler-backed sleep/after/timer/ticker are added by the process
// runtime through `TimeHost.extend`, with the helpers exported here.
import { LuaTable, tableFromRecord } from '../../../core/table.js';
import { ret1, ret2 } from '../../../core/results.js';
import { argError, checkInt, checkStr } from '../../../core/args.js';
import { createError, ERROR_KINDS, type LuaErrorValue } from '../errors.js';
import { DurationValue, durationValueNs, HOUR, MICROSECOND, MILLISECOND, MINUTE, NANOSECOND, SECOND } from './duration.js';
import { LOCAL, UTC, LocationValue, fixedZone, loadLocation } from './location.js';
import { TimeValue, dateTime, unixTime } from './instant.js';
import { parseTime } from './parse.js';
import { freeze } from './values.js';
import { RFC3339 } from './methods.js';

/** Go's time layout constants as Wippy names them. */
export const LAYOUTS = Object.freeze({
  RFC3339,
  RFC3339NANO: '2006-01-02T15:04:05.999999999Z07:00',
  RFC822: '02 Jan 06 15:04 MST',
  RFC822Z: '02 Jan 06 15:04 -0700',
  RFC850: 'Monday, 02-Jan-06 15:04:05 MST',
  RFC1123: 'Mon, 02 Jan 2006 15:04:05 MST',
  RFC1123Z: 'Mon, 02 Jan 2006 15:04:05 -0700',
  KITCHEN: '3:04PM',
  STAMP: 'Jan _2 15:04:05',
  STAMP_MILLI: 'Jan _2 15:04:05.000',
  STAMP_MICRO: 'Jan _2 15:04:05.000000',
  STAMP_NANO: 'Jan _2 15:04:05.000000000',
  DATE_TIME: '2006-01-02 15:04:05',
  DATE_ONLY: '2006-01-02',
  TIME_ONLY: '15:04:05',
});

const MONTHS = [
  'JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE',
  'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER',
];
const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

/** yields.go `invalidError`: an Invalid, non-retryable error. */
export function invalidError(message: string): LuaErrorValue {
  return createError({ message, kind: ERROR_KINDS.INVALID, retryable: false });
}

/** yields.go `invalidWrapError`: a Go error wrapped with the function's name as context, kind Invalid. */
export function invalidWrapError(message: string, context: string): LuaErrorValue {
  return createError({ message, context, kind: ERROR_KINDS.INVALID, retryable: false });
}

/** A Time for a clock reading in milliseconds since the epoch (fractions kept to the nanosecond), local zone. */
export function timeFromMillis(ms: number): TimeValue {
  const sec = Math.floor(ms / 1000);
  const nsec = Math.round((ms - sec * 1000) * 1e6);
  return unixTime(sec, nsec, LOCAL);
}

export interface TimeHost {
  /** the runtime's clock, milliseconds since the Unix epoch (virtual time in tests) */
  now: () => number;
  /**
   * Adds the scheduler-backed functions (sleep, after, timer, ticker) to the module's fields before the table
   * is frozen. They take durations through `toDurationNs` and report failures with `invalidWrapError(msg,
   * "time.sleep")` / `invalidError("time.timer: duration must be > 0")`, as yields.go does.
   */
  extend?: (fields: Record<string, unknown>) => void;
}

function optLocation(args: unknown[], n: number, fname: string): LocationValue {
  if (args.length < n) return LOCAL;
  const v = args[n - 1];
  if (v instanceof LocationValue) return v;
  throw argError(n, fname, 'location expected');
}

/** The `time` module: a read-only table. */
export function createTimeModule(host: TimeHost): LuaTable {
  const fields: Record<string, unknown> = {
    NANOSECOND,
    MICROSECOND,
    MILLISECOND,
    SECOND,
    MINUTE,
    HOUR,
    ...LAYOUTS,
    utc: UTC,
    localtz: LOCAL,
    now: () => ret1(timeFromMillis(host.now())),
    date(...args: unknown[]): unknown {
      const n = [1, 2, 3, 4, 5, 6, 7].map((i) => checkInt(args[i - 1], i, 'date'));
      const loc = optLocation(args, 8, 'date');
      return ret1(dateTime(n[0]!, n[1]!, n[2]!, n[3]!, n[4]!, n[5]!, n[6]!, loc));
    },
    unix: (sec: unknown, nsec: unknown) => ret1(unixTime(checkInt(sec, 1, 'unix'), checkInt(nsec, 2, 'unix'), LOCAL)),
    parse(...args: unknown[]): unknown {
      const layout = checkStr(args[0], 1, 'parse');
      const value = checkStr(args[1], 2, 'parse');
      const r = parseTime(layout, value, optLocation(args, 3, 'parse'));
      if (!r.ok) return ret2(undefined, invalidWrapError(r.message, 'time.parse'));
      return ret1(r.time);
    },
    parse_duration(v: unknown): unknown {
      const r = durationValueNs(v);
      if (!r.ok) return ret2(undefined, invalidWrapError(r.message, 'time.parse_duration'));
      return ret1(new DurationValue(r.ns));
    },
    load_location(name: unknown): unknown {
      const s = checkStr(name, 1, 'load_location');
      if (s === '') return ret2(undefined, invalidError('empty location name'));
      const loc = loadLocation(s);
      if (typeof loc === 'string') {
        const err = createError({
          message: loc,
          context: 'time.load_location',
          kind: ERROR_KINDS.NOT_FOUND,
          retryable: false,
        });
        return ret2(undefined, err);
      }
      return ret1(loc);
    },
    fixed_zone: (name: unknown, offset: unknown) =>
      ret1(fixedZone(checkStr(name, 1, 'fixed_zone'), checkInt(offset, 2, 'fixed_zone'))),
  };
  MONTHS.forEach((m, i) => (fields[m] = i + 1));
  WEEKDAYS.forEach((d, i) => (fields[d] = i));
  host.extend?.(fields);
  return freeze(tableFromRecord(fields));
}

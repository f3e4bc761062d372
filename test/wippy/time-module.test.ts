// The Lua-facing `time` module, pinned to Wippy's Lua tests (wippyai/runtime tests/app/src/test/time/*.lua) and to
// runtime/lua/modules/time/yields.go for error kinds, messages and argument checks.
import { describe, expect, it } from 'vitest';
import { createTimeModule, DurationValue, TimeValue, LocationValue, toDurationNs } from '../../runtime/lib/wippy/time/index.js';
import { rawget, tableFromRecord, type LuaTable } from '../../runtime/core/table.js';
import { typeName } from '../../runtime/core/value.js';
import { FROZEN } from '../../runtime/core/symbols.js';
import { getMetatable } from '../../runtime/core/meta.js';
import { method, meta, libCall, luaErrorOf } from '../support/library-calls.js';
import { ret1, ret2 } from '../../runtime/core/results.js';

let clock = Date.UTC(2024, 11, 29, 15, 4, 5) + 250.5;
const time = createTimeModule({ now: () => clock });
const one = (r: unknown[]): unknown => r[0];
const get = (k: string): unknown => rawget(time, k);

describe('constants (time/constants.lua)', () => {
  it('durations in nanoseconds, layouts, months, weekdays', () => {
    expect([get('NANOSECOND'), get('MICROSECOND'), get('MILLISECOND'), get('SECOND'), get('MINUTE'), get('HOUR')]).toEqual([
      1, 1000, 1000000, 1000000000, 60000000000, 3600000000000,
    ]);
    expect(get('RFC3339')).toBe('2006-01-02T15:04:05Z07:00');
    expect(get('RFC3339NANO')).toBe('2006-01-02T15:04:05.999999999Z07:00');
    expect(get('DATE_TIME')).toBe('2006-01-02 15:04:05');
    expect(get('DATE_ONLY')).toBe('2006-01-02');
    expect(get('TIME_ONLY')).toBe('15:04:05');
    expect(get('KITCHEN')).toBe('3:04PM');
    expect([get('JANUARY'), get('DECEMBER'), get('SUNDAY'), get('SATURDAY')]).toEqual([1, 12, 0, 6]);
    expect((time as unknown as Record<symbol, unknown>)[FROZEN]).toBe(true);
  });
});

describe('now (time/now.lua), with the injected clock', () => {
  it('returns a userdata Time read from the runtime clock, in the local zone', () => {
    const t = one(libCall(time, 'now'));
    expect(typeName(t)).toBe('userdata');
    const u = one(method(t, 'utc'));
    expect(one(method(u, 'format', '2006-01-02T15:04:05.000000Z07:00'))).toBe('2024-12-29T15:04:05.250500Z');
    expect(one(method(one(method(t, 'location')), 'string'))).toBe('Local');
    clock += 1500;
    expect(one(method(one(libCall(time, 'now')), 'sub', t))).toBeInstanceOf(DurationValue);
    expect(one(method(one(method(one(libCall(time, 'now')), 'sub', t)), 'milliseconds'))).toBe(1500);
  });
});

describe('date and unix (time/date.lua)', () => {
  it('date fields', () => {
    const t = one(libCall(time, 'date', 2024, 12, 29, 15, 4, 5, 0, get('utc')));
    for (const [m, v] of [['year', 2024], ['month', 12], ['day', 29], ['hour', 15], ['minute', 4], ['second', 5], ['nanosecond', 0]]) {
      expect(method(t, m as string)).toEqual([v]);
    }
    const utc = one(method(one(libCall(time, 'unix', 1735484645, 0)), 'utc'));
    expect([method(utc, 'year')[0], method(utc, 'month')[0], method(utc, 'day')[0], method(utc, 'hour')[0]]).toEqual([2024, 12, 29, 15]);
  });
  it('an 8th argument must be a Location (yields.go dateFunc)', () => {
    expect(luaErrorOf(() => libCall(time, 'date', 2024, 1, 1, 0, 0, 0, 0, undefined))).toBe(
      "bad argument #8 to 'date' (location expected)",
    );
    expect(luaErrorOf(() => libCall(time, 'date', 2024, 1))).toBe("bad argument #3 to 'date' (number expected, got no value)");
    expect(one(method(one(libCall(time, 'date', 2024, 1, 1, 0, 0, 0, 0)), 'location'))).toBe(get('localtz'));
  });
});

describe('methods (time/methods.lua)', () => {
  const t = one(libCall(time, 'date', 2024, 12, 29, 15, 4, 5, 0, get('utc')));
  it('add a Duration, a string, a number', () => {
    expect(method(one(method(t, 'add', one(libCall(time, 'parse_duration', '1h')))), 'hour')).toEqual([16]);
    expect(method(one(method(t, 'add', '30m')), 'minute')).toEqual([34]);
    expect(method(one(method(t, 'add', get('HOUR'))), 'hour')).toEqual([16]);
    expect(luaErrorOf(() => method(t, 'add', 'x'))).toBe(`bad argument #2 to 'add' (time: invalid duration "x")`);
  });
  it('sub, add_date, before/after/equal', () => {
    const t2 = one(libCall(time, 'date', 2024, 12, 29, 14, 4, 5, 0, get('utc')));
    expect(method(one(method(t, 'sub', t2)), 'hours')).toEqual([1]);
    const ad = one(method(t, 'add_date', 1, 2, 3));
    expect([method(ad, 'year')[0], method(ad, 'month')[0]]).toEqual([2026, 3]);
    const t1 = one(libCall(time, 'date', 2024, 1, 1, 0, 0, 0, 0, get('utc')));
    const t3 = one(libCall(time, 'date', 2024, 1, 2, 0, 0, 0, 0, get('utc')));
    expect(method(t1, 'before', t3)).toEqual([true]);
    expect(method(t3, 'after', t1)).toEqual([true]);
    expect(method(t1, 'equal', t1)).toEqual([true]);
    expect(method(t1, 'equal', t3)).toEqual([false]);
    // equal ignores the location
    expect(method(t1, 'equal', one(method(t1, 'in_location', one(libCall(time, 'fixed_zone', 'X', 3600)))))).toEqual([true]);
  });
  it('format, format_rfc3339, unix, unix_nano, date, clock, location, is_zero', () => {
    expect(method(t, 'format', 'Mon Jan 2 15:04:05 MST 2006')).toEqual(['Sun Dec 29 15:04:05 UTC 2024']);
    expect(method(t, 'format_rfc3339')).toEqual(['2024-12-29T15:04:05Z']);
    expect(method(one(libCall(time, 'date', 1970, 1, 1, 0, 0, 1, 0, get('utc'))), 'unix')).toEqual([1]);
    expect(method(one(libCall(time, 'date', 1970, 1, 1, 0, 0, 0, 1, get('utc'))), 'unix_nano')).toEqual([1]);
    expect(method(t, 'date')).toEqual([2024, 12, 29]);
    expect(method(t, 'clock')).toEqual([15, 4, 5]);
    expect(meta(get('utc'), '__tostring', one(method(t, 'location')))).toEqual(['UTC']);
    expect(method(t, 'is_zero')).toEqual([false]);
    expect(method(t, 'weekday')).toEqual([0]);
    expect(method(t, 'year_day')).toEqual([364]);
  });
  it('round and truncate take a Duration', () => {
    const tr = one(libCall(time, 'parse', '2006-01-02T15:04:05.999999999Z', '2024-01-01T12:34:56.789Z'));
    const s = one(libCall(time, 'parse_duration', '1s'));
    const m = one(libCall(time, 'parse_duration', '1m'));
    expect(method(one(method(tr, 'round', s)), 'format', '2006-01-02T15:04:05Z')).toEqual(['2024-01-01T12:34:57Z']);
    expect(method(one(method(tr, 'truncate', m)), 'format', '2006-01-02T15:04:05Z')).toEqual(['2024-01-01T12:34:00Z']);
    expect(luaErrorOf(() => method(tr, 'round', 1000))).toBe("bad argument #2 to 'round' (duration expected)");
  });
  it('methods check self (yields.go ArgError(1, "time expected"))', () => {
    const year = (rawget(getMetatable(t)!.__index as LuaTable, 'year') as (x: unknown) => unknown);
    expect(luaErrorOf(() => year('x'))).toBe("bad argument #1 to 'year' (time expected)");
  });
  it('tostring is Go Time.String', () => {
    const t5 = one(libCall(time, 'date', 2024, 12, 29, 15, 4, 5, 120000000, one(libCall(time, 'fixed_zone', 'EST', -18000))));
    expect(meta(t5, '__tostring', t5)).toEqual(['2024-12-29 15:04:05.12 -0500 EST']);
  });
});

describe('durations (time/duration.lua, time/parse.lua)', () => {
  it('parse_duration and the unit methods', () => {
    const d = one(libCall(time, 'parse_duration', '1h30m45s'));
    expect(method(d, 'nanoseconds')).toEqual([5445e9]);
    expect(method(d, 'microseconds')).toEqual([5445e6]);
    expect(method(d, 'milliseconds')).toEqual([5445e3]);
    expect(method(d, 'seconds')).toEqual([5445]);
    expect(method(d, 'minutes')).toEqual([90.75]);
    expect(method(d, 'hours')).toEqual([1.5125]);
    expect(meta(d, '__tostring', d)).toEqual(['1h30m45s']);
    expect(method(one(libCall(time, 'parse_duration', get('SECOND'))), 'seconds')).toEqual([1]);
    const same = one(libCall(time, 'parse_duration', d));
    expect(method(same, 'nanoseconds')).toEqual([5445e9]);
  });
  it('a number is truncated to whole nanoseconds (Go Duration(float64))', () => {
    expect(method(one(libCall(time, 'parse_duration', 1.9)), 'nanoseconds')).toEqual([1]);
    expect(method(one(libCall(time, 'parse_duration', -1.9)), 'nanoseconds')).toEqual([-1]);
  });
  it('Duration has no arithmetic metamethods in Wippy (only __tostring)', () => {
    const d = one(libCall(time, 'parse_duration', '1s'));
    expect(meta(d, '__tostring', d)).toEqual(['1s']);
    expect(() => meta(d, '__add', d, d)).toThrow('no __add');
  });
});

describe('errors (time/errors.lua)', () => {
  it('parse errors: nil, Invalid non-retryable error with the Go message', () => {
    const [t, err] = libCall(time, 'parse', '2006-01-02', 'invalid-date');
    expect(t).toBeUndefined();
    expect(method(err, 'kind')).toEqual(['Invalid']);
    expect(method(err, 'retryable')).toEqual([false]);
    expect(method(err, 'message')).toEqual(['parsing time "invalid-date" as "2006-01-02": cannot parse "invalid-date" as "2006"']);
  });
  it('parse_duration errors', () => {
    const [d, err] = libCall(time, 'parse_duration', 'invalid');
    expect(d).toBeUndefined();
    expect(method(err, 'kind')).toEqual(['Invalid']);
    expect(method(err, 'retryable')).toEqual([false]);
    expect(method(err, 'message')).toEqual(['time: invalid duration "invalid"']);
    expect(method(libCall(time, 'parse_duration', undefined)[1], 'message')).toEqual(['invalid value type: *lua.LNilType']);
    expect(method(libCall(time, 'parse_duration', true)[1], 'message')).toEqual(['invalid value type: lua.LBool']);
  });
  it('load_location: NotFound for unknown zones, Invalid for ""', () => {
    const [l, err] = libCall(time, 'load_location', 'Invalid/Location');
    expect(l).toBeUndefined();
    expect(method(err, 'kind')).toEqual(['NotFound']);
    expect(method(err, 'retryable')).toEqual([false]);
    const [l2, err2] = libCall(time, 'load_location', '');
    expect(l2).toBeUndefined();
    expect(method(err2, 'kind')).toEqual(['Invalid']);
    expect(method(err2, 'message')).toEqual(['empty location name']);
  });
});

describe('locations (time/location.lua)', () => {
  it('utc, localtz, load_location, fixed_zone', () => {
    expect(method(get('utc'), 'string')).toEqual(['UTC']);
    expect((method(get('localtz'), 'string')[0] as string).length).toBeGreaterThan(0);
    const [ny, err] = libCall(time, 'load_location', 'America/New_York');
    expect(err).toBeUndefined();
    expect(ny).toBeInstanceOf(LocationValue);
    expect(method(ny, 'string')).toEqual(['America/New_York']);
    expect(method(one(libCall(time, 'fixed_zone', 'EST', -5 * 3600)), 'string')).toEqual(['EST']);
    const summer = one(libCall(time, 'date', 2024, 7, 4, 12, 0, 0, 0, ny));
    expect(method(summer, 'format', '15:04 MST -07:00')).toEqual(['12:00 EDT -04:00']);
    expect(summer).toBeInstanceOf(TimeValue);
  });
});

describe('toDurationNs (the duration argument of sleep/after/timer/ticker, yields.go ParseDuration)', () => {
  it('accepts numbers, strings and Durations', () => {
    expect(toDurationNs(5e6)).toEqual({ ok: true, ns: 5e6 });
    expect(toDurationNs('100ms')).toEqual({ ok: true, ns: 1e8 });
    expect(toDurationNs(new DurationValue(7))).toEqual({ ok: true, ns: 7 });
    expect(toDurationNs('1h30m')).toEqual({ ok: true, ns: 5400e9 });
  });
  it('rejects other types with the Go message', () => {
    expect(toDurationNs(undefined)).toEqual({ ok: false, message: 'duration must be number or string' });
    expect(toDurationNs('5')).toEqual({ ok: false, message: 'time: missing unit in duration "5"' });
  });
});

describe('through the core tostring (runtime/core/tostring.ts)', () => {
  it('Duration, Time and Location print as Go does', async () => {
    const { tostring } = await import('../../runtime/core/tostring.js');
    expect(tostring(one(libCall(time, 'parse_duration', '90m')))).toBe('1h30m0s');
    expect(tostring(one(libCall(time, 'unix', 0, 5)) as TimeValue)).toMatch(/^1970-01-01 /);
    expect(tostring(one(method(one(libCall(time, 'unix', 0, 5)), 'utc')))).toBe('1970-01-01 00:00:00.000000005 +0000 UTC');
    expect(tostring(get('utc'))).toBe('UTC');
  });
});

describe('the scheduler extension point', () => {
  it('extend adds functions before the table is frozen, using the shared duration helpers', async () => {
    const { invalidWrapError, invalidError } = await import('../../runtime/lib/wippy/time/index.js');
    const slept: number[] = [];
    const t = createTimeModule({
      now: () => 0,
      extend(fields) {
        // a plain (non-suspending) stand-in for the scheduler's sleep, with yields.go's error handling
        fields.sleep = (d: unknown) => {
          const r = toDurationNs(d);
          if (!r.ok) return ret2(undefined, invalidWrapError(r.message, 'time.sleep'));
          if (r.ns <= 0) return ret2(undefined, invalidError('time.sleep: duration must be > 0'));
          slept.push(r.ns);
          return ret1(undefined);
        };
      },
    });
    expect((t as unknown as Record<symbol, unknown>)[FROZEN]).toBe(true);
    libCall(t, 'sleep', '10ms');
    expect(slept).toEqual([1e7]);
    const [, err] = libCall(t, 'sleep', tableFromRecord({}));
    expect(method(err, 'message')).toEqual(['duration must be number or string']);
    expect(method(err, 'kind')).toEqual(['Invalid']);
    expect(rawget(t, 'now')).toBeTypeOf('function');
  });
});

// Differential tests of the time value layer against Go's time package (Wippy's time module wraps it:
// runtime/lua/modules/time/yields.go). Expected values come from fixtures/gen-go-time.go run under Go.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  parseGoDuration,
  formatGoDuration,
  DurationValue,
  UTC,
  fixedZone,
  loadLocation,
  unixTime,
  dateTime,
  formatTime,
  timeString,
  parseTime,
  subTimes,
  addDuration,
  LocationValue,
  TimeValue,
} from '../../runtime/lib/wippy/time/index.js';
import { addDate, roundTime, truncateTime, civilOf, zoneOf } from '../../runtime/lib/wippy/time/instant.js';
import { durationMeta } from '../../runtime/lib/wippy/time/duration.js';
import { R } from '../../runtime/core/results.js';

interface Zone {
  kind: 'utc' | 'fixed' | 'iana';
  name: string;
  offset: number;
}

const cases = JSON.parse(readFileSync(fileURLToPath(new URL('./fixtures/go-time-cases.json', import.meta.url)), 'utf8'));

/** Go strings are UTF-8 bytes; moonforge strings hold one byte per char. */
const bytes = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

function zoneLoc(z: Zone): LocationValue {
  if (z.kind === 'fixed') return fixedZone(z.name, z.offset);
  if (z.kind === 'iana') {
    const l = loadLocation(z.name);
    if (typeof l === 'string') throw new Error(l);
    return l;
  }
  return UTC;
}

const LAYOUT = '2006-01-02 15:04:05.999999999 -0700 MST';

describe('time.ParseDuration (Go reference)', () => {
  for (const c of cases.durationParse as Array<{ in: string; hex: string; ok: boolean; ns?: string; err?: string }>) {
    const input = Buffer.from(c.hex, 'hex').toString('latin1');
    it(JSON.stringify(input), () => {
      const r = parseGoDuration(input);
      if (c.ok) expect(r).toEqual({ ok: true, ns: Number(c.ns) });
      else expect(r).toEqual({ ok: false, message: bytes(c.err!) });
    });
  }
});

describe('Duration.String and unit conversions (Go reference)', () => {
  const method = (name: string, d: DurationValue): unknown =>
    ((durationMeta.__index as Record<string, unknown>)[name] as (d: unknown) => unknown)(d);
  for (const c of cases.durationString as Array<Record<string, string | number>>) {
    it(`${c.ns} -> ${c.str}`, () => {
      const ns = Number(c.ns);
      expect(formatGoDuration(ns)).toBe(bytes(c.str as string));
      const d = new DurationValue(ns);
      expect(method('hours', d)).toBe(c.hours);
      expect(method('minutes', d)).toBe(c.minutes);
      expect(method('seconds', d)).toBe(c.seconds);
      expect(method('milliseconds', d)).toBe(c.millis);
      expect(method('microseconds', d)).toBe(c.micros);
      expect(R.n).toBe(1);
    });
  }
});

describe('Time.Format (Go reference)', () => {
  const groups = new Map<string, Array<{ sec: number; nsec: number; zone: Zone; layout: string; out: string }>>();
  for (const c of cases.format) {
    const key = `${c.zone.kind}:${c.zone.name}:${c.zone.offset}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const [key, list] of groups) {
    it(key, () => {
      for (const c of list) {
        const t = unixTime(c.sec, c.nsec, zoneLoc(c.zone));
        expect(formatTime(t, c.layout), `${c.sec}.${c.nsec} ${c.layout}`).toBe(c.out);
      }
    });
  }
});

// The fixture was generated with Go 1.19; Go 1.20 added range checks on zone offsets (Wippy builds with a
// newer Go, runtime go.mod), so for these inputs the expected result is the newer Go's error.
const NEWER_GO: Record<string, string> = {
  '2024-12-29 15:04:05 +25': 'parsing time "2024-12-29 15:04:05 +25": time zone offset hour out of range',
};

describe('time.ParseInLocation (Go reference)', () => {
  for (const c of cases.parse) {
    it(`${c.zone.name}: ${c.layout} <- ${c.value}`, () => {
      const r = parseTime(c.layout, c.value, zoneLoc(c.zone));
      const newer = NEWER_GO[c.value];
      if (newer !== undefined) {
        expect(r).toEqual({ ok: false, message: newer });
        return;
      }
      if (!c.ok) {
        expect(r).toEqual({ ok: false, message: c.err });
        return;
      }
      if (!r.ok) throw new Error(r.message);
      const z = zoneOf(r.time);
      expect([r.time.sec, r.time.nsec, z.offset, z.name, r.time.loc.name]).toEqual([
        c.sec ?? 0,
        c.nsec ?? 0,
        c.offset ?? 0,
        c.abbrev ?? '',
        c.loc ?? '',
      ]);
    });
  }
});

describe('time.Date normalisation, AddDate, Round, Truncate (Go reference)', () => {
  for (const c of cases.date) {
    it(`${c.zone.kind}:${c.zone.name} ${c.args.join(',')}`, () => {
      const a = c.args as number[];
      const t = dateTime(a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!, a[6]!, zoneLoc(c.zone));
      expect([t.sec, t.nsec]).toEqual([c.sec, c.nsec]);
      expect(timeString(t)).toBe(c.str);
      const civil = civilOf(t);
      expect([civil.yday, civil.weekday]).toEqual([c.yday, c.wday]);
      expect(formatTime(addDate(t, 1, 2, 3), LAYOUT)).toBe(c.addDate);
      expect(formatTime(roundTime(t, 7 * 60e9), LAYOUT)).toBe(c.round7m);
      expect(formatTime(truncateTime(t, 7 * 60e9), LAYOUT)).toBe(c.trunc7m);
      expect(formatTime(roundTime(t, 3600e9), LAYOUT)).toBe(c.round1h);
    });
  }
});

describe('Time.Sub saturates at the int64 range (Go reference)', () => {
  it('matches Go', () => {
    const t1 = dateTime(2024, 1, 1, 0, 0, 0, 0, UTC);
    const t2 = dateTime(1, 1, 1, 0, 0, 0, 0, UTC);
    const t3 = dateTime(2262, 4, 12, 0, 0, 0, 0, UTC);
    expect(subTimes(t1, t2)).toBe(Number(cases.sub['t1-t2']));
    expect(subTimes(t2, t1)).toBe(Number(cases.sub['t2-t1']));
    expect(subTimes(t3, unixTime(0, 0, UTC))).toBe(Number(cases.sub['t3-epoch']));
    expect(subTimes(t1, addDuration(t1, -1.5e9))).toBe(Number(cases.sub['t1-t1b']));
    expect(t1).toBeInstanceOf(TimeValue);
  });
});

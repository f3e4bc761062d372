// Time values (Wippy's Time userdata around Go's time.Time): an instant as Unix seconds + nanoseconds and a
// Location, with Go's Date normalisation, Add/Sub/Round/Truncate and the wall-clock accessors.
import { LuaUserdata } from '../../../core/value.js';
import { LuaTable } from '../../../core/table.js';
import {
  SECONDS_PER_DAY,
  civilFromLocalSeconds,
  daysFromCivil,
  floorDiv,
  floorMod,
  type Civil,
} from '../../civil.js';
import { UTC, type LocationValue, type ZoneInfo } from './location.js';
import { formatLayout, type FormatFields } from './layout.js';

/** Filled by values.ts (methods and `__tostring`). */
export const timeMeta = new LuaTable();

/** Seconds from 0001-01-01T00:00:00Z (Go's zero Time) to the Unix epoch. */
const ZERO_TIME_UNIX = -62135596800;

const NS = 1000000000n;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export class TimeValue extends LuaUserdata {
  /** Unix seconds (integer) */
  readonly sec: number;
  /** 0..999999999 */
  readonly nsec: number;
  readonly loc: LocationValue;
  constructor(sec: number, nsec: number, loc: LocationValue) {
    super(timeMeta);
    this.sec = sec;
    this.nsec = nsec;
    this.loc = loc;
  }
}

export function isTime(v: unknown): v is TimeValue {
  return v instanceof TimeValue;
}

/** Go's zero Time: January 1, year 1, 00:00:00 UTC. */
export const ZERO_TIME = new TimeValue(ZERO_TIME_UNIX, 0, UTC);

export function zoneOf(t: TimeValue): ZoneInfo {
  return t.loc.lookup(t.sec);
}

export function civilOf(t: TimeValue): Civil {
  return civilFromLocalSeconds(t.sec + zoneOf(t).offset);
}

/** Go's time.Unix(sec, nsec): nsec outside [0, 1e9) is carried into sec. */
export function unixTime(sec: number, nsec: number, loc: LocationValue): TimeValue {
  return new TimeValue(sec + floorDiv(nsec, 1e9), floorMod(nsec, 1e9), loc);
}

/** Go's time.Date: every field may overflow and is normalised; the zone offset is looked up for the wall time. */
export function dateTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  nsec: number,
  loc: LocationValue,
): TimeValue {
  const m0 = month - 1;
  year += floorDiv(m0, 12);
  month = floorMod(m0, 12) + 1;
  second += floorDiv(nsec, 1e9);
  nsec = floorMod(nsec, 1e9);
  minute += floorDiv(second, 60);
  second = floorMod(second, 60);
  hour += floorDiv(minute, 60);
  minute = floorMod(minute, 60);
  day += floorDiv(hour, 24);
  hour = floorMod(hour, 24);
  const days = daysFromCivil(year, month, 1) + day - 1;
  const local = days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
  // The wall time's offset: first guess with the local value, then with the corrected instant (Go's Date).
  const guess = loc.lookup(local).offset;
  const offset = guess === 0 ? 0 : loc.lookup(local - guess).offset;
  return new TimeValue(local - offset, nsec, loc);
}

/** Absolute nanoseconds since the Unix epoch, exact. */
export function epochNanos(t: TimeValue): bigint {
  return BigInt(t.sec) * NS + BigInt(t.nsec);
}

function fromEpochNanos(ns: bigint, loc: LocationValue): TimeValue {
  let sec = ns / NS;
  let nsec = ns % NS;
  if (nsec < 0n) {
    nsec += NS;
    sec -= 1n;
  }
  return new TimeValue(Number(sec), Number(nsec), loc);
}

/** Go's Time.Add for a duration in nanoseconds. */
export function addDuration(t: TimeValue, d: number): TimeValue {
  return fromEpochNanos(epochNanos(t) + BigInt(Math.trunc(d)), t.loc);
}

/** Go's Time.Sub: saturates at the int64 range. */
export function subTimes(t: TimeValue, u: TimeValue): number {
  let d = epochNanos(t) - epochNanos(u);
  if (d > INT64_MAX) d = INT64_MAX;
  if (d < INT64_MIN) d = INT64_MIN;
  return Number(d);
}

export function compareTimes(t: TimeValue, u: TimeValue): number {
  if (t.sec !== u.sec) return t.sec < u.sec ? -1 : 1;
  return t.nsec === u.nsec ? 0 : t.nsec < u.nsec ? -1 : 1;
}

/** Remainder of t modulo d measured from the zero Time (Go's div), d > 0. */
function remainderSinceZero(t: TimeValue, d: bigint): bigint {
  const abs = (BigInt(t.sec) - BigInt(ZERO_TIME_UNIX)) * NS + BigInt(t.nsec);
  const r = abs % d;
  return r < 0n ? r + d : r;
}

export function truncateTime(t: TimeValue, d: number): TimeValue {
  if (d <= 0) return t;
  const r = remainderSinceZero(t, BigInt(Math.trunc(d)));
  return fromEpochNanos(epochNanos(t) - r, t.loc);
}

/** Go's Time.Round: halfway values round up. */
export function roundTime(t: TimeValue, d: number): TimeValue {
  if (d <= 0) return t;
  const bd = BigInt(Math.trunc(d));
  const r = remainderSinceZero(t, bd);
  if (r + r < bd) return fromEpochNanos(epochNanos(t) - r, t.loc);
  return fromEpochNanos(epochNanos(t) + (bd - r), t.loc);
}

/** Go's Time.AddDate: calendar arithmetic on the wall clock, normalised by Date. */
export function addDate(t: TimeValue, years: number, months: number, days: number): TimeValue {
  const c = civilOf(t);
  return dateTime(c.year + years, c.month + months, c.day + days, c.hour, c.minute, c.second, t.nsec, t.loc);
}

export function withLocation(t: TimeValue, loc: LocationValue): TimeValue {
  return new TimeValue(t.sec, t.nsec, loc);
}

export function isZeroTime(t: TimeValue): boolean {
  return t.sec === ZERO_TIME_UNIX && t.nsec === 0;
}

/** Go's Time.UnixNano: int64, wrapping outside its range as Go's multiplication does. */
export function unixNano(t: TimeValue): number {
  return Number(BigInt.asIntN(64, epochNanos(t)));
}

export function formatFields(t: TimeValue): FormatFields {
  const zone = zoneOf(t);
  const c = civilFromLocalSeconds(t.sec + zone.offset);
  return { ...c, nsec: t.nsec, zoneName: zone.name, offset: zone.offset };
}

export function formatTime(t: TimeValue, layout: string): string {
  return formatLayout(formatFields(t), layout);
}

/** Go's Time.String (without the monotonic clock reading, which moonforge's clock does not keep). */
export function timeString(t: TimeValue): string {
  return formatTime(t, '2006-01-02 15:04:05.999999999 -0700 MST');
}

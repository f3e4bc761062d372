// Calendar for the os library: the local time zone's offset at an instant (from the JS Date of the host's TZ) and
// broken-down times as Go's time.Time exposes them (wippyai/runtime runtime/lua/modules/ostime/module.go formats
// through Go's time package). Civil dates <-> day numbers are runtime/lib/civil.ts, shared with Wippy's time module.
import { civilFromLocalSeconds, daysFromCivil, isLeap } from '../civil.js';

export interface BrokenTime {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
  hour: number;
  min: number;
  sec: number;
  wday: number; // 0 = Sunday (Go's time.Weekday)
  yday: number; // 1..366
  /** offset east of UTC, seconds */
  offset: number;
  /** zone abbreviation as Go's t.Zone() names it */
  zone: string;
}

const MAX_DATE_MS = 8.64e15;

/** The host zone's offset (seconds east of UTC) at a Unix time; instants outside JS's Date range are clamped. */
export function localOffset(unix: number): number {
  const ms = Math.max(-MAX_DATE_MS, Math.min(MAX_DATE_MS, unix * 1000));
  return Math.round(-new Date(ms).getTimezoneOffset() * 60);
}

let zoneFormat: Intl.DateTimeFormat | undefined;
/** process.env.TZ when zoneFormat was made: Node lets TZ change at run time, and a formatter keeps its zone. */
let zoneFormatTZ: string | undefined;

/** The host zone's abbreviation at a Unix time ("UTC", "EST", ...; "GMT+1" where ICU has no abbreviation). */
function localZoneName(unix: number): string {
  const ms = Math.max(-MAX_DATE_MS, Math.min(MAX_DATE_MS, unix * 1000));
  const tz = process.env.TZ;
  if (zoneFormat === undefined || zoneFormatTZ !== tz) {
    zoneFormat = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' });
    zoneFormatTZ = tz;
  }
  const part = zoneFormat.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'UTC';
}

/** Breaks a Unix time (integral seconds) down in UTC or in the host's local zone. */
export function breakDown(unix: number, utc: boolean): BrokenTime {
  const offset = utc ? 0 : localOffset(unix);
  const c = civilFromLocalSeconds(unix + offset);
  return {
    year: c.year,
    month: c.month,
    day: c.day,
    hour: c.hour,
    min: c.minute,
    sec: c.second,
    wday: c.weekday,
    yday: c.yday,
    offset,
    zone: utc ? 'UTC' : localZoneName(unix),
  };
}

/**
 * Go's time.Date(year, month, day, hour, min, sec, 0, time.Local).Unix(): every field may be out of range and
 * carries; a wall time in a DST gap or overlap resolves as Go's Location.lookup does (offset at the wall time
 * read as UTC, re-looked-up once at the resulting instant).
 */
export function localTimeToUnix(year: number, month: number, day: number, hour: number, min: number, sec: number): number {
  const wall = daysFromCivil(year, month, day) * 86400 + hour * 3600 + min * 60 + sec;
  const off1 = localOffset(wall);
  const off2 = localOffset(wall - off1);
  return wall - off2;
}

/** ISO 8601 week number (Go's t.ISOWeek()), which Wippy uses for both %U and %W. */
export function isoWeek(t: BrokenTime): number {
  // weekday with Monday = 0
  const wdMon = (t.wday + 6) % 7;
  // the Thursday of this week decides the year the week belongs to
  const thursdayYday = t.yday - wdMon + 3;
  let y = t.year;
  let yd = thursdayYday;
  if (yd < 1) {
    y -= 1;
    yd += isLeap(y) ? 366 : 365;
  } else if (yd > (isLeap(y) ? 366 : 365)) {
    yd -= isLeap(y) ? 366 : 365;
  }
  return Math.floor((yd - 1) / 7) + 1;
}

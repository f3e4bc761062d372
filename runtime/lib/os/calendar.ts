// Calendar arithmetic for the os library: civil dates <-> day numbers (proleptic Gregorian, any year), the local
// time zone's offset at an instant (from the JS Date of the host's TZ), and broken-down times as Go's time.Time
// exposes them (wippyai/runtime runtime/lua/modules/ostime/module.go formats through Go's time package).

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

/** Days since 1970-01-01 of a civil date; month and day may be out of range (they carry, like Go's time.Date). */
export function daysFromCivil(year: number, month: number, day: number): number {
  // fold the month into [1, 12] first
  const m0 = month - 1;
  const y = year + Math.floor(m0 / 12);
  const m = (((m0 % 12) + 12) % 12) + 1;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + (day - 1);
}

/** The civil date of a day number (days since 1970-01-01). */
export function civilFromDays(z: number): { year: number; month: number; day: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
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
  const wall = unix + offset;
  const days = Math.floor(wall / 86400);
  let secs = wall - days * 86400;
  const { year, month, day } = civilFromDays(days);
  const hour = Math.floor(secs / 3600);
  secs -= hour * 3600;
  const min = Math.floor(secs / 60);
  const sec = secs - min * 60;
  const wday = (((days + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  const yday = days - daysFromCivil(year, 1, 1) + 1;
  return { year, month, day, hour, min, sec, wday, yday, offset, zone: utc ? 'UTC' : localZoneName(unix) };
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

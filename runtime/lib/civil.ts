// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), valid for any year: the one
// conversion between civil dates and day numbers, shared by the os library (runtime/lib/os/calendar.ts) and Wippy's
// time module (runtime/lib/wippy/time/), since Go's time package, which both follow, has a zero Time in year 1.
// Pure integer math: no JS Date, whose range is limited.

export const SECONDS_PER_DAY = 86400;

/** Floor division and modulo for possibly negative integers. */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

export function floorMod(a: number, b: number): number {
  const m = a % b;
  return m < 0 ? m + b : m === 0 ? 0 : m;
}

/** Days since 1970-01-01 of a civil date; month and day may be out of range (they carry, like Go's time.Date). */
export function daysFromCivil(year: number, month: number, day: number): number {
  // fold the month into [1, 12] first
  const m0 = month - 1;
  const y = year + floorDiv(m0, 12);
  const m = floorMod(m0, 12) + 1;
  const yy = m <= 2 ? y - 1 : y;
  const era = floorDiv(yy, 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date [year, month (1..12), day] of a day number. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = floorDiv(z, 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysIn(month: number, year: number): number {
  if (month === 2 && isLeap(year)) return 29;
  return DAYS_IN_MONTH[month - 1]!;
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDays(days: number): number {
  return floorMod(days + 4, 7);
}

/** Wall-clock fields of a local second count (seconds since the epoch in the zone's own wall time). */
export interface Civil {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 1..366 */
  yday: number;
  weekday: number;
}

export function civilFromLocalSeconds(local: number): Civil {
  const days = floorDiv(local, SECONDS_PER_DAY);
  const rem = local - days * SECONDS_PER_DAY;
  const [year, month, day] = civilFromDays(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(rem / 3600),
    minute: Math.floor((rem % 3600) / 60),
    second: rem % 60,
    yday: days - daysFromCivil(year, 1, 1) + 1,
    weekday: weekdayOfDays(days),
  };
}

// Wippy's `os` module (wippyai/runtime runtime/lua/modules/ostime/module.go): only time, date, clock, difftime
// and the constant platform = "wippy". Its quirks are kept: os.time{} defaults missing date fields to today and
// time fields to 0, os.date's %U/%W are ISO weeks, *t's isdst means "offset is not zero", os.clock is seconds
// of wall time since the runtime started.
import { LuaTable, rawget } from '../../core/table.js';
import { ret1 } from '../../core/results.js';
import { checkNumber, checkStr, checkTable } from '../../core/args.js';
import { breakDown, isoWeek, localTimeToUnix, type BrokenTime } from './calendar.js';

/** Milliseconds since the Unix epoch; replaceable for deterministic runs (Wippy's clock TimeReference). */
let nowMs: () => number = Date.now;

export function setOsNow(source: (() => number) | undefined): void {
  nowMs = source ?? Date.now;
}

const startMs = performance.now();

/** os.clock(): seconds elapsed since the runtime started (module.go `osClock`: getNow().Sub(startTime)). */
function clock(): number {
  return ret1((performance.now() - startMs) / 1000);
}

/** os.difftime(t2, t1): t2 - t1, both required (module.go `osDifftime`). */
function difftime(t2: unknown, t1: unknown): number {
  return ret1(checkNumber(t2, 1, 'difftime') - checkNumber(t1, 2, 'difftime'));
}

const TWO63 = 9223372036854775808;

/** Go's int64(f) on amd64: truncation, MinInt64 for NaN and out-of-range values. */
function goInt(f: number): number {
  return f > -TWO63 && f < TWO63 ? Math.trunc(f) : -TWO63;
}

/** module.go `getIntField`: a number field truncated to int, anything else (strings too) gives the default. */
function intField(t: LuaTable, key: string, def: number): number {
  const v = rawget(t, key);
  return typeof v === 'number' ? goInt(v) : def;
}

/**
 * os.time() is the current Unix time; os.time(t) converts t's local date (Go's time.Date in time.Local, which
 * normalises out-of-range fields). Missing year/month/day default to today, hour/min/sec to 0; isdst is ignored.
 * An explicit nil argument is an error (module.go checks the table whenever an argument is present).
 */
function time(spec: unknown): number {
  const now = Math.floor(nowMs() / 1000);
  if (arguments.length === 0) return ret1(now);
  const t = checkTable(spec, 1, 'time');
  const today = breakDown(now, false);
  const year = intField(t, 'year', today.year);
  const month = intField(t, 'month', today.month);
  const day = intField(t, 'day', today.day);
  const hour = intField(t, 'hour', 0);
  const min = intField(t, 'min', 0);
  const sec = intField(t, 'sec', 0);
  return ret1(localTimeToUnix(year, month, day, hour, min, sec));
}

/**
 * os.date([format [, time]]) (module.go `osDate`): format defaults to "%c", time to now (truncated to whole
 * seconds, as time.Unix(int64(t), 0) does); a leading "!" selects UTC; "*t" returns a table.
 */
function date(fmtArg: unknown, timeArg: unknown): unknown {
  const nargs = arguments.length;
  let format = nargs >= 1 ? checkStr(fmtArg, 1, 'date') : '%c';
  const unix = nargs >= 2 ? goInt(checkNumber(timeArg, 2, 'date')) : Math.floor(nowMs() / 1000);
  let utc = false;
  if (format.charCodeAt(0) === 33) {
    utc = true;
    format = format.slice(1);
  }
  const t = breakDown(unix, utc);
  if (format === '*t') return ret1(dateTable(t));
  return ret1(formatDate(format, t));
}

/** module.go `osDateTable`; isdst is `offset != 0` there (it tests the second result of t.Zone()). */
function dateTable(t: BrokenTime): LuaTable {
  const tbl = new LuaTable();
  tbl.year = t.year;
  tbl.month = t.month;
  tbl.day = t.day;
  tbl.hour = t.hour;
  tbl.min = t.min;
  tbl.sec = t.sec;
  tbl.wday = t.wday + 1;
  tbl.yday = t.yday;
  tbl.isdst = t.offset !== 0;
  return tbl;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** Go's appendInt(b, x, width): zero-padded to width, a '-' in front of negative values. */
function pad(x: number, width: number): string {
  const s = String(Math.abs(x)).padStart(width, '0');
  return x < 0 ? `-${s}` : s;
}

/** Go's "Mon Jan _2 15:04:05 2006" (%c). */
function formatC(t: BrokenTime): string {
  const day = String(t.day).padStart(2, ' ');
  return `${DAYS[t.wday]!.slice(0, 3)} ${MONTHS[t.month - 1]!.slice(0, 3)} ${day} ${formatX(t)} ${pad(t.year, 4)}`;
}

function formatX(t: BrokenTime): string {
  return `${pad(t.hour, 2)}:${pad(t.min, 2)}:${pad(t.sec, 2)}`;
}

/** One conversion of module.go `formatSpecifier`; unknown ones are copied with their '%'. */
function formatSpecifier(c: string, t: BrokenTime): string {
  switch (c) {
    case 'a':
      return DAYS[t.wday]!.slice(0, 3);
    case 'A':
      return DAYS[t.wday]!;
    case 'b':
      return MONTHS[t.month - 1]!.slice(0, 3);
    case 'B':
      return MONTHS[t.month - 1]!;
    case 'c':
      return formatC(t);
    case 'd':
      return pad(t.day, 2);
    case 'H':
      return pad(t.hour, 2);
    case 'I':
      return pad(t.hour % 12 === 0 ? 12 : t.hour % 12, 2);
    case 'j':
      return pad(t.yday, 3);
    case 'm':
      return pad(t.month, 2);
    case 'M':
      return pad(t.min, 2);
    case 'p':
      return t.hour >= 12 ? 'PM' : 'AM';
    case 'S':
      return pad(t.sec, 2);
    case 'U':
    case 'W':
      return pad(isoWeek(t), 2);
    case 'w':
      return String(t.wday);
    case 'x':
      return `${pad(t.month, 2)}/${pad(t.day, 2)}/${pad(t.year % 100, 2)}`;
    case 'X':
      return formatX(t);
    case 'y':
      return pad(t.year % 100, 2);
    case 'Y':
      return pad(t.year, 4);
    case 'z': {
      const off = Math.abs(t.offset);
      const hh = Math.floor(off / 3600);
      const mm = Math.floor((off % 3600) / 60);
      return `${t.offset < 0 ? '-' : '+'}${pad(hh, 2)}${pad(mm, 2)}`;
    }
    case 'Z':
      return t.zone;
    case '%':
      return '%';
    default:
      return `%${c}`;
  }
}

/** module.go `formatDate`: byte-wise; a '%' at the very end is copied as is. */
export function formatDate(format: string, t: BrokenTime): string {
  let out = '';
  const n = format.length;
  for (let i = 0; i < n; i++) {
    const c = format[i]!;
    if (c === '%' && i + 1 < n) {
      i++;
      out += formatSpecifier(format[i]!, t);
    } else out += c;
  }
  return out;
}

export function openOsLib(): LuaTable {
  const lib = new LuaTable();
  lib.time = time;
  lib.date = date;
  lib.clock = clock;
  lib.difftime = difftime;
  lib.platform = 'wippy';
  return lib;
}

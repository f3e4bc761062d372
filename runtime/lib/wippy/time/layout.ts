// Go reference layouts ("2006-01-02T15:04:05Z07:00"): the chunk scanner shared by formatting and parsing, and the
// formatter (Go's Time.Format). Element names follow Go's time/format.go so the two can be compared side by side.

export type Std =
  | 'LongMonth' | 'Month' | 'NumMonth' | 'ZeroMonth'
  | 'LongWeekDay' | 'WeekDay'
  | 'Day' | 'UnderDay' | 'ZeroDay' | 'UnderYearDay' | 'ZeroYearDay'
  | 'Hour' | 'Hour12' | 'ZeroHour12'
  | 'Minute' | 'ZeroMinute' | 'Second' | 'ZeroSecond'
  | 'LongYear' | 'Year' | 'PM' | 'pm' | 'TZ'
  | 'ISO8601TZ' | 'ISO8601SecondsTZ' | 'ISO8601ShortTZ' | 'ISO8601ColonTZ' | 'ISO8601ColonSecondsTZ'
  | 'NumTZ' | 'NumSecondsTz' | 'NumShortTZ' | 'NumColonTZ' | 'NumColonSecondsTZ'
  | 'FracSecond0' | 'FracSecond9';

export interface Chunk {
  prefix: string;
  /** undefined when the layout has no more elements (prefix is the rest) */
  std: Std | undefined;
  /** the element's text in the layout */
  stdText: string;
  suffix: string;
  /** fractional seconds: digit count and separator ('.' or ',') */
  digits: number;
  sep: string;
}

export const LONG_DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const SHORT_DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const LONG_MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
export const SHORT_MONTH_NAMES = LONG_MONTH_NAMES.map((m) => m.slice(0, 3));

const STD_0X: Std[] = ['ZeroMonth', 'ZeroDay', 'ZeroHour12', 'ZeroMinute', 'ZeroSecond', 'Year'];

// Numeric zone elements, longest first, as Go tries them.
const NUM_TZ: Array<[string, Std]> = [
  ['-070000', 'NumSecondsTz'],
  ['-07:00:00', 'NumColonSecondsTZ'],
  ['-0700', 'NumTZ'],
  ['-07:00', 'NumColonTZ'],
  ['-07', 'NumShortTZ'],
];
const ISO_TZ: Array<[string, Std]> = [
  ['Z070000', 'ISO8601SecondsTZ'],
  ['Z07:00:00', 'ISO8601ColonSecondsTZ'],
  ['Z0700', 'ISO8601TZ'],
  ['Z07:00', 'ISO8601ColonTZ'],
  ['Z07', 'ISO8601ShortTZ'],
];

function startsWithLowerCase(s: string): boolean {
  if (s.length === 0) return false;
  const c = s.charCodeAt(0);
  return c >= 97 && c <= 122;
}

export function isDigitAt(s: string, i: number): boolean {
  if (i >= s.length) return false;
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function chunk(layout: string, i: number, std: Std, len: number, digits = 0, sep = ''): Chunk {
  return {
    prefix: layout.slice(0, i),
    std,
    stdText: layout.slice(i, i + len),
    suffix: layout.slice(i + len),
    digits,
    sep,
  };
}

/** The first layout element of `layout` and the literal text before it (Go's nextStdChunk). */
export function nextStdChunk(layout: string): Chunk {
  for (let i = 0; i < layout.length; i++) {
    const c = layout[i]!;
    const at = (s: string): boolean => layout.startsWith(s, i);
    switch (c) {
      case 'J':
        if (at('Jan')) {
          if (at('January')) return chunk(layout, i, 'LongMonth', 7);
          if (!startsWithLowerCase(layout.slice(i + 3))) return chunk(layout, i, 'Month', 3);
        }
        break;
      case 'M':
        if (at('Mon')) {
          if (at('Monday')) return chunk(layout, i, 'LongWeekDay', 6);
          if (!startsWithLowerCase(layout.slice(i + 3))) return chunk(layout, i, 'WeekDay', 3);
        }
        if (at('MST')) return chunk(layout, i, 'TZ', 3);
        break;
      case '0': {
        const n = layout.charCodeAt(i + 1);
        if (n >= 49 && n <= 54) return chunk(layout, i, STD_0X[n - 49]!, 2);
        if (at('002')) return chunk(layout, i, 'ZeroYearDay', 3);
        break;
      }
      case '1':
        if (at('15')) return chunk(layout, i, 'Hour', 2);
        return chunk(layout, i, 'NumMonth', 1);
      case '2':
        if (at('2006')) return chunk(layout, i, 'LongYear', 4);
        return chunk(layout, i, 'Day', 1);
      case '_':
        if (layout[i + 1] === '2') {
          // "_2006" is a literal "_" and the long year
          if (layout.startsWith('2006', i + 1)) return chunk(layout, i + 1, 'LongYear', 4);
          return chunk(layout, i, 'UnderDay', 2);
        }
        if (at('__2')) return chunk(layout, i, 'UnderYearDay', 3);
        break;
      case '3':
        return chunk(layout, i, 'Hour12', 1);
      case '4':
        return chunk(layout, i, 'Minute', 1);
      case '5':
        return chunk(layout, i, 'Second', 1);
      case 'P':
        if (at('PM')) return chunk(layout, i, 'PM', 2);
        break;
      case 'p':
        if (at('pm')) return chunk(layout, i, 'pm', 2);
        break;
      case '-':
        for (const [text, std] of NUM_TZ) if (at(text)) return chunk(layout, i, std, text.length);
        break;
      case 'Z':
        for (const [text, std] of ISO_TZ) if (at(text)) return chunk(layout, i, std, text.length);
        break;
      case '.':
      case ',': {
        const ch = layout[i + 1];
        if (ch === '0' || ch === '9') {
          let j = i + 1;
          while (j < layout.length && layout[j] === ch) j++;
          // only a fractional second if the run of digits ends here
          if (!isDigitAt(layout, j)) {
            return chunk(layout, i, ch === '0' ? 'FracSecond0' : 'FracSecond9', j - i, j - (i + 1), c);
          }
        }
        break;
      }
    }
  }
  return { prefix: layout, std: undefined, stdText: '', suffix: '', digits: 0, sep: '' };
}

/** What the formatter needs of a time. */
export interface FormatFields {
  year: number;
  month: number;
  day: number;
  yday: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
  nsec: number;
  zoneName: string;
  /** seconds east of UTC */
  offset: number;
}

/** Go's appendInt: zero-padded to width, with a leading '-' for negatives. */
export function padInt(x: number, width: number): string {
  const neg = x < 0;
  const s = String(Math.abs(x)).padStart(width, '0');
  return neg ? `-${s}` : s;
}

function formatNano(nsec: number, digits: number, trim: boolean, sep: string): string {
  let s = String(nsec).padStart(9, '0');
  let n = Math.min(digits, 9);
  if (trim) {
    while (n > 0 && s[n - 1] === '0') n--;
    if (n === 0) return '';
  }
  s = s.slice(0, n);
  return sep + s;
}

function formatZone(std: Std, offset: number): string {
  const iso = std.startsWith('ISO8601');
  if (offset === 0 && iso) return 'Z';
  let zone = Math.trunc(offset / 60);
  let abs = offset;
  let out: string;
  if (zone < 0) {
    out = '-';
    zone = -zone;
    abs = -abs;
  } else out = '+';
  out += padInt(Math.trunc(zone / 60), 2);
  const colon = std.includes('Colon');
  if (colon) out += ':';
  if (!std.endsWith('ShortTZ')) out += padInt(zone % 60, 2);
  if (std.includes('Seconds')) {
    if (colon) out += ':';
    out += padInt(abs % 60, 2);
  }
  return out;
}

/** Go's Time.Format. */
export function formatLayout(t: FormatFields, layout: string): string {
  let out = '';
  let rest = layout;
  for (;;) {
    const c = nextStdChunk(rest);
    out += c.prefix;
    if (c.std === undefined) break;
    rest = c.suffix;
    switch (c.std) {
      case 'Year': {
        const y = t.year < 0 ? -t.year : t.year;
        out += padInt(y % 100, 2);
        break;
      }
      case 'LongYear':
        out += padInt(t.year, 4);
        break;
      case 'Month':
        out += SHORT_MONTH_NAMES[t.month - 1];
        break;
      case 'LongMonth':
        out += LONG_MONTH_NAMES[t.month - 1];
        break;
      case 'NumMonth':
        out += String(t.month);
        break;
      case 'ZeroMonth':
        out += padInt(t.month, 2);
        break;
      case 'WeekDay':
        out += SHORT_DAY_NAMES[t.weekday];
        break;
      case 'LongWeekDay':
        out += LONG_DAY_NAMES[t.weekday];
        break;
      case 'Day':
        out += String(t.day);
        break;
      case 'UnderDay':
        out += (t.day < 10 ? ' ' : '') + String(t.day);
        break;
      case 'ZeroDay':
        out += padInt(t.day, 2);
        break;
      case 'UnderYearDay':
        out += (t.yday < 100 ? ' ' : '') + (t.yday < 10 ? ' ' : '') + String(t.yday);
        break;
      case 'ZeroYearDay':
        out += padInt(t.yday, 3);
        break;
      case 'Hour':
        out += padInt(t.hour, 2);
        break;
      case 'Hour12':
        out += String(t.hour % 12 === 0 ? 12 : t.hour % 12);
        break;
      case 'ZeroHour12':
        out += padInt(t.hour % 12 === 0 ? 12 : t.hour % 12, 2);
        break;
      case 'Minute':
        out += String(t.minute);
        break;
      case 'ZeroMinute':
        out += padInt(t.minute, 2);
        break;
      case 'Second':
        out += String(t.second);
        break;
      case 'ZeroSecond':
        out += padInt(t.second, 2);
        break;
      case 'PM':
        out += t.hour >= 12 ? 'PM' : 'AM';
        break;
      case 'pm':
        out += t.hour >= 12 ? 'pm' : 'am';
        break;
      case 'TZ':
        if (t.zoneName !== '') out += t.zoneName;
        else {
          // no zone name: Go prints the -0700 form
          const zone = Math.trunc(t.offset / 60);
          const a = Math.abs(zone);
          out += (zone < 0 ? '-' : '+') + padInt(Math.trunc(a / 60), 2) + padInt(a % 60, 2);
        }
        break;
      case 'FracSecond0':
        out += formatNano(t.nsec, c.digits, false, c.sep);
        break;
      case 'FracSecond9':
        out += formatNano(t.nsec, c.digits, true, c.sep);
        break;
      default:
        out += formatZone(c.std, t.offset);
    }
  }
  return out;
}

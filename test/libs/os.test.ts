// Wippy's os module (wippyai/runtime runtime/lua/modules/ostime/module.go): differential against lua5.1 run with
// the same TZ for what C's strftime/mktime and Go's time package agree on, pinned expectations for the rest.
import { afterAll, describe, expect, it } from 'vitest';
import { openOsLib, setOsNow } from '../../runtime/lib/os/index.js';
import { LuaTable, rawget } from '../../runtime/core/table.js';
import { R } from '../../runtime/core/results.js';
import { runLua51Lines } from './support.js';
import { callAllResults, errorOf, fn } from '../support/library-calls.js';

const lib = openOsLib();
const date = fn(lib, 'date');
const time = fn(lib, 'time');

const savedTZ = process.env.TZ;
afterAll(() => {
  if (savedTZ === undefined) delete process.env.TZ;
  else process.env.TZ = savedTZ;
  setOsNow(undefined);
});

function withTZ<T>(tz: string, f: () => T): T {
  const prev = process.env.TZ;
  process.env.TZ = tz;
  try {
    return f();
  } finally {
    if (prev === undefined) delete process.env.TZ;
    else process.env.TZ = prev;
  }
}

function spec(fields: Record<string, unknown>): LuaTable {
  const t = new LuaTable();
  for (const [k, v] of Object.entries(fields)) t[k] = v;
  return t;
}

const STAMPS = [0, 86399, 951782400, 951868799, 1234567890, 1700000000, 1710052200, 1710054000, 1730613600, -31536000, -1, 2147483648, 4102444800, 253402300799];
// 1901 and earlier are left out: JS's zone data rounds local-mean-time offsets (Asia/Kolkata's +05:53:28).
// Everything except %U %W (ISO weeks in Wippy), %Z with '!' (glibc says GMT, Go UTC) and the C-only conversions.
const FORMATS = ['%a %A %b %B %d %H %I %j %m %M %p %S %w %y %Y %%', '%c', '%x', '%X', 'at %H:%M on %d/%m', 'plain'];
const TIME_SPECS: Record<string, number>[] = [
  { year: 2000, month: 1, day: 1, hour: 0, min: 0, sec: 0 },
  { year: 2024, month: 2, day: 29, hour: 12, min: 30, sec: 15 },
  { year: 2024, month: 13, day: 1, hour: 0, min: 0, sec: 0 },
  { year: 2024, month: 0, day: 1, hour: 0, min: 0, sec: 0 },
  { year: 2024, month: -13, day: 40, hour: 0, min: 0, sec: 0 },
  { year: 2023, month: 3, day: 0, hour: 25, min: -1, sec: 3600 },
  { year: 2024, month: 7, day: 4, hour: 12, min: 0, sec: 0 },
  { year: 2024, month: 11, day: 3, hour: 0, min: 30, sec: 0 },
  { year: 1969, month: 12, day: 31, hour: 0, min: 0, sec: 0 },
  { year: 2100, month: 2, day: 29, hour: 0, min: 0, sec: 0 },
];
const TT_FIELDS = ['year', 'month', 'day', 'hour', 'min', 'sec', 'wday', 'yday'];

function luaSpec(s: Record<string, number>): string {
  return `{${Object.entries(s).map(([k, v]) => `${k} = ${v}`).join(', ')}}`;
}

describe.each(['UTC', 'America/New_York', 'Asia/Kolkata'])('os vs lua5.1 with TZ=%s', (tz) => {
  const luaLines: string[] = [];
  for (const t of STAMPS) {
    for (const f of FORMATS) luaLines.push(`print(os.date(${JSON.stringify(f)}, ${t}))`, `print(os.date(${JSON.stringify(`!${f}`)}, ${t}))`);
    luaLines.push(`do local d = os.date('*t', ${t}) print(${TT_FIELDS.map((k) => `d.${k}`).join(', ')}) end`);
    luaLines.push(`do local d = os.date('!*t', ${t}) print(${TT_FIELDS.map((k) => `d.${k}`).join(', ')}) end`);
  }
  for (const s of TIME_SPECS) luaLines.push(`print(os.time(${luaSpec(s)}))`);
  const expected = runLua51Lines(luaLines.join('\n'), { TZ: tz });

  it('ran every line', () => {
    expect(expected.length).toBe(luaLines.length);
  });

  it('os.date with formats and *t tables', () => {
    withTZ(tz, () => {
      let i = 0;
      for (const t of STAMPS) {
        for (const f of FORMATS) {
          expect(date(f, t), `${f} @ ${t}`).toBe(expected[i++]);
          expect(date(`!${f}`, t), `!${f} @ ${t}`).toBe(expected[i++]);
        }
        for (const prefix of ['', '!']) {
          const d = date(`${prefix}*t`, t) as LuaTable;
          expect(TT_FIELDS.map((k) => rawget(d, k)).join('\t'), `${prefix}*t @ ${t}`).toBe(expected[i++]);
        }
      }
    });
  });

  it('os.time of a complete date table, with normalisation', () => {
    withTZ(tz, () => {
      const base = STAMPS.length * (FORMATS.length * 2 + 2);
      TIME_SPECS.forEach((s, k) => {
        expect(String(time(spec(s))), JSON.stringify(s)).toBe(expected[base + k]);
      });
    });
  });
});

describe('os: Wippy (ostime/module.go) behaviour', () => {
  // 2024-03-15 13:45:30 UTC, a Friday
  const NOW = Date.UTC(2024, 2, 15, 13, 45, 30, 600);

  it('has time, date, clock, difftime and platform only', () => {
    expect(Object.keys(lib).sort()).toEqual(['clock', 'date', 'difftime', 'platform', 'time']);
    expect(lib.platform).toBe('wippy');
  });

  it('os.time() is the current Unix time in whole seconds', () => {
    setOsNow(() => NOW);
    expect(callAllResults(time)).toEqual([Math.floor(NOW / 1000)]);
    setOsNow(undefined);
    const t = time() as number;
    expect(Math.abs(t - Date.now() / 1000)).toBeLessThan(2);
  });

  it('os.time{} defaults year/month/day to today and hour/min/sec to 0 (getIntField)', () => {
    setOsNow(() => NOW);
    withTZ('UTC', () => {
      expect(time(spec({}))).toBe(Date.UTC(2024, 2, 15) / 1000);
      expect(time(spec({ year: 2020 }))).toBe(Date.UTC(2020, 2, 15) / 1000);
      expect(time(spec({ day: 1, hour: 6 }))).toBe(Date.UTC(2024, 2, 1, 6) / 1000);
    });
    setOsNow(undefined);
  });

  it('os.time{}: fields must be numbers (strings are ignored) and are truncated', () => {
    withTZ('UTC', () => {
      expect(time(spec({ year: 2024, month: 1, day: 1, hour: '5' }))).toBe(Date.UTC(2024, 0, 1) / 1000);
      expect(time(spec({ year: 2024, month: 1, day: 1, hour: 5.9, min: -0.5 }))).toBe(Date.UTC(2024, 0, 1, 5) / 1000);
      expect(time(spec({ year: 2024, month: 1, day: 1, isdst: true }))).toBe(Date.UTC(2024, 0, 1) / 1000);
    });
  });

  it('os.time of the second before the epoch is -1 (Go; glibc mktime reports -1 as failure and PUC returns nil)', () => {
    withTZ('UTC', () => {
      expect(time(spec({ year: 1969, month: 12, day: 31, hour: 23, min: 59, sec: 59 }))).toBe(-1);
    });
  });

  it('os.time(nil) is an error (CheckTable whenever an argument is present)', () => {
    expect(errorOf(time, undefined)).toMatch(/^bad argument #1 to 'time' \(table expected, got (nil|no value)\)$/);
    expect(errorOf(time, 5)).toBe("bad argument #1 to 'time' (table expected, got number)");
  });

  it('os.time in a DST gap resolves as Go\'s time.Date does', () => {
    withTZ('America/New_York', () => {
      // 2024-03-10 02:30 does not exist in New York; Go lands on 06:30 UTC (01:30 EST)
      expect(time(spec({ year: 2024, month: 3, day: 10, hour: 2, min: 30 }))).toBe(1710052200);
      // 2024-11-03 01:30 happens twice; Go picks the first (EDT)
      expect(time(spec({ year: 2024, month: 11, day: 3, hour: 1, min: 30 }))).toBe(1730611800);
    });
  });

  it('os.date defaults to "%c" and now', () => {
    setOsNow(() => NOW);
    withTZ('UTC', () => {
      expect(date()).toBe('Fri Mar 15 13:45:30 2024');
      expect(date('!%H:%M:%S')).toBe('13:45:30');
    });
    setOsNow(undefined);
  });

  it('%U and %W are both the ISO week number (t.ISOWeek())', () => {
    withTZ('UTC', () => {
      const at = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 1000;
      expect(date('%U %W', at(2021, 1, 1))).toBe('53 53');
      expect(date('%U', at(2021, 1, 4))).toBe('01');
      expect(date('%W', at(2024, 12, 30))).toBe('01');
      expect(date('%U', at(2020, 12, 31))).toBe('53');
      expect(date('%U', at(2024, 3, 15))).toBe('11');
      expect(date('%U', at(2023, 1, 1))).toBe('52');
    });
  });

  it('%z and %Z', () => {
    withTZ('America/New_York', () => {
      expect(date('%z %Z', 1700000000)).toBe('-0500 EST');
      expect(date('%z %Z', 1720000000)).toBe('-0400 EDT');
      expect(date('!%z %Z', 1700000000)).toBe('+0000 UTC');
    });
    withTZ('Asia/Kolkata', () => {
      expect(date('%z', 0)).toBe('+0530');
    });
    withTZ('UTC', () => {
      expect(date('%Z', 0)).toBe('UTC');
    });
  });

  it('unknown conversions are copied, a trailing % is kept (formatSpecifier default)', () => {
    withTZ('UTC', () => {
      expect(date('%e|%D|%T|%s', 0)).toBe('%e|%D|%T|%s');
      expect(date('100%', 0)).toBe('100%');
      expect(date('%%%', 0)).toBe('%%');
      expect(date('', 0)).toBe('');
      expect(date('!', 0)).toBe('');
      expect(date('x*t', 0)).toBe('x*t');
    });
  });

  it('*t: isdst means "the zone offset is not zero" (module.go tests the offset from t.Zone())', () => {
    withTZ('Asia/Kolkata', () => {
      expect(rawget(date('*t', 0) as LuaTable, 'isdst')).toBe(true);
      expect(rawget(date('!*t', 0) as LuaTable, 'isdst')).toBe(false);
    });
    withTZ('UTC', () => {
      expect(rawget(date('*t', 1720000000) as LuaTable, 'isdst')).toBe(false);
    });
  });

  it('os.date: the time is truncated toward zero; the format may be a number', () => {
    withTZ('UTC', () => {
      expect(date('!%S', 59.9)).toBe('59');
      expect(date('!%H:%M:%S', -0.5)).toBe('00:00:00');
      expect(date(12, 0)).toBe('12');
      expect(errorOf(date, new LuaTable(), 0)).toBe("bad argument #1 to 'date' (string expected, got table)");
      expect(errorOf(date, '%c', 'x')).toBe("bad argument #2 to 'date' (number expected, got string)");
    });
  });

  it('os.date handles years beyond JS Date and before year 1', () => {
    withTZ('UTC', () => {
      expect(date('!%Y-%m-%d', 253402300800)).toBe('10000-01-01');
      expect(date('!%Y-%m-%d %H', 1e15)).toBe('31690708-07-05 01');
      expect(date('!%Y-%m-%d', -62135596800)).toBe('0001-01-01');
      expect(date('!%Y-%m-%d', -62135596801)).toBe('0000-12-31');
    });
  });

  it('os.difftime(t2, t1) = t2 - t1, both required', () => {
    const difftime = fn(lib, 'difftime');
    expect(difftime(10, 4)).toBe(6);
    expect(difftime('10', 4.5)).toBe(5.5);
    expect(R.n).toBe(1);
    expect(errorOf(difftime, 10)).toBe("bad argument #2 to 'difftime' (number expected, got no value)");
  });

  it('os.clock() is elapsed seconds since the runtime started', async () => {
    const clock = fn(lib, 'clock');
    const a = clock() as number;
    expect(a).toBeGreaterThanOrEqual(0);
    await new Promise((r) => setTimeout(r, 30));
    const b = clock() as number;
    expect(b - a).toBeGreaterThanOrEqual(0.02);
    expect(b - a).toBeLessThan(5);
  });
});

describe('os: values outside int64', () => {
  it('NaN and huge times become MinInt64 as Go converts them, without producing "NaN" text', () => {
    withTZ('UTC', () => {
      const d = fn(openOsLib(), 'date');
      expect(d('!%Y', NaN)).toBe(d('!%Y', -(2 ** 63)));
      expect(d('!%Y', 1e300)).not.toMatch(/NaN/);
    });
  });
});

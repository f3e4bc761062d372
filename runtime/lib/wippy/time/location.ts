// Time zones (Wippy's Location userdata, modules/time/types.go): UTC, the local zone, fixed zones and IANA zones.
// Offsets of the local and IANA zones come from the ICU data of Node's Intl, since Go's tzdata is not at hand.
import { LuaUserdata } from '../../../core/value.js';
import { LuaTable } from '../../../core/table.js';
import { daysFromCivil } from '../../civil.js';

/** The zone in effect at an instant: abbreviation (Go's zone name, "MST" in layouts) and seconds east of UTC. */
export interface ZoneInfo {
  name: string;
  offset: number;
}

/** Filled by values.ts (methods `string`, `__tostring`). */
export const locationMeta = new LuaTable();

export class LocationValue extends LuaUserdata {
  /** Go's Location.String(): "UTC", "Local", the IANA name, or a fixed zone's name */
  readonly name: string;
  readonly lookup: (unixSec: number) => ZoneInfo;
  constructor(name: string, lookup: (unixSec: number) => ZoneInfo) {
    super(locationMeta);
    this.name = name;
    this.lookup = lookup;
  }
}

export function isLocation(v: unknown): v is LocationValue {
  return v instanceof LocationValue;
}

const UTC_ZONE: ZoneInfo = { name: 'UTC', offset: 0 };
export const UTC = new LocationValue('UTC', () => UTC_ZONE);

/** Go's time.FixedZone(name, offset). */
export function fixedZone(name: string, offset: number): LocationValue {
  const zone: ZoneInfo = { name, offset };
  return new LocationValue(name, () => zone);
}

// JS Dates cover +-8.64e15 ms; instants outside use the offset at the nearest edge.
const MAX_JS_SEC = 8.64e12;
// ICU names zones only up to year 9999; later instants are looked up 400-year cycles back, where the
// (repeating) last rule of the zone gives the same offset and name.
const YEAR_9999_END = 253402300799;
const CYCLE_400Y = 146097 * 86400;

interface IntlZone {
  parts: Intl.DateTimeFormat;
  names: Intl.DateTimeFormat;
}

const intlZones = new Map<string, IntlZone>();

function intlZone(tz: string): IntlZone {
  let z = intlZones.get(tz);
  if (z === undefined) {
    z = {
      parts: new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
      names: new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'short' }),
    };
    intlZones.set(tz, z);
  }
  return z;
}

/** ICU's "GMT+5:30" becomes tzdata's style "+0530" ("+01" for whole hours), as Go prints unnamed zones. */
function goAbbreviation(icu: string, offset: number): string {
  if (!/^GMT[+-]/.test(icu)) return icu;
  // tzdata names the local mean time of a zone's first period, whose offset has seconds, "LMT"
  if (offset % 60 !== 0) return 'LMT';
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const h = String(Math.floor(abs / 3600)).padStart(2, '0');
  const m = Math.floor((abs % 3600) / 60);
  return m === 0 ? `${sign}${h}` : `${sign}${h}${String(m).padStart(2, '0')}`;
}

function intlLookup(tz: string): (unixSec: number) => ZoneInfo {
  const z = intlZone(tz);
  return (unixSec) => {
    let sec = Math.max(-MAX_JS_SEC, Math.min(MAX_JS_SEC, Math.floor(unixSec)));
    if (sec > YEAR_9999_END) sec -= Math.ceil((sec - YEAR_9999_END) / CYCLE_400Y) * CYCLE_400Y;
    const date = new Date(sec * 1000);
    const offset = offsetAt(z, sec);
    let name = icuName(z, date);
    // ICU has metazone names only for some years; other periods take the name of a 1971 period with the
    // same offset.
    if (/^GMT[+-]/.test(name) && offset % 60 === 0) {
      for (const ref of REF_1971) {
        if (offsetAt(z, ref) === offset) {
          const alt = icuName(z, new Date(ref * 1000));
          if (!/^GMT[+-]/.test(alt)) name = alt;
          break;
        }
      }
    }
    return { name: goAbbreviation(name, offset), offset };
  };
}

/** 1971-01-15 and 1971-07-15, noon UTC: a winter and a summer instant. */
const REF_1971 = [refInstant(1971, 1, 15), refInstant(1971, 7, 15)];

function refInstant(y: number, m: number, d: number): number {
  return daysFromCivil(y, m, d) * 86400 + 43200;
}

function icuName(z: IntlZone, date: Date): string {
  return z.names.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? 'UTC';
}

function offsetAt(z: IntlZone, sec: number): number {
  const f: Record<string, string> = {};
  for (const p of z.parts.formatToParts(new Date(sec * 1000))) f[p.type] = p.value;
  let year = Number(f.year);
  if (f.era === 'BC' || f.era === 'B') year = 1 - year;
  const wall =
    daysFromCivil(year, Number(f.month), Number(f.day)) * 86400 +
    Number(f.hour) * 3600 +
    Number(f.minute) * 60 +
    Number(f.second);
  return wall - sec;
}

function systemZoneName(): string {
  return process.env.TZ && process.env.TZ !== '' ? process.env.TZ : Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Universal', 'Etc/Zulu', 'Zulu']);

/** The system zone's lookup: UTC's when the zone is UTC or unknown to ICU. */
function localLookup(): (unixSec: number) => ZoneInfo {
  try {
    const tz = systemZoneName();
    // The common server case skips ICU entirely: Go's Local is then UTC, abbreviated "UTC".
    if (!UTC_NAMES.has(tz)) return intlLookup(tz);
  } catch {
    // an unknown zone name: UTC, as Go falls back to when it cannot load the local zone
  }
  return () => UTC_ZONE;
}

let localZone: ((unixSec: number) => ZoneInfo) | undefined;
/**
 * Go's time.Local: named "Local", offsets of the system zone. Finding that zone is left to the first lookup: asking
 * ICU for the system zone costs ~15 ms, which every start-up paid, most apps never reading a local time.
 */
export const LOCAL = new LocationValue('Local', (unixSec) => (localZone ??= localLookup())(unixSec));

/**
 * Go's time.LoadLocation: "" and "UTC" give UTC, "Local" the local zone, else an IANA name. Returns the
 * location or the Go error text ("unknown time zone X").
 */
export function loadLocation(name: string): LocationValue | string {
  if (name === '' || name === 'UTC') return UTC;
  if (name === 'Local') return LOCAL;
  // Go opens tzdata files by name: case matters and path tricks are refused.
  if (!/^[A-Za-z0-9_+\-]+(\/[A-Za-z0-9_+\-]+)*$/.test(name)) return `unknown time zone ${name}`;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return `unknown time zone ${name}`;
  }
  if (resolved !== name && resolved.toLowerCase() === name.toLowerCase()) return `unknown time zone ${name}`;
  return new LocationValue(name, intlLookup(name));
}

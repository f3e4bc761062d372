// Lua methods of Duration and Location userdata (modules/time/yields.go `registerDurationMethods`,
// `registerLocationMethods`): read-only metatables with `__index` method tables and `__tostring`.
import { LuaTable, tableFromRecord } from '../../../core/table.js';
import { readOnly } from '../../../core/read-only.js';
import { ret1 } from '../../../core/results.js';
import { argError, typeError } from '../../../core/args.js';
import { LuaUserdata } from '../../../core/value.js';
import { DurationValue, durationMeta, formatGoDuration, clampInt64 } from './duration.js';
import { LocationValue, locationMeta } from './location.js';

/** Time values, their metatables and the time module are shared by every process: read-only. */
export function freeze(t: LuaTable): LuaTable {
  return readOnly(t);
}

/** Fills a shared metatable: `__index` = a frozen table of methods, plus metamethods. */
export function fillMeta(
  mt: LuaTable,
  methods: Record<string, unknown>,
  metamethods: Record<string, unknown>,
): void {
  for (const k of Object.keys(metamethods)) mt[k] = metamethods[k];
  mt.__index = freeze(tableFromRecord(methods));
  freeze(mt);
}

/** gopher-lua's CheckUserData then the Value type check ("duration expected"). */
function checkDuration(v: unknown, fname: string): DurationValue {
  if (v instanceof DurationValue) return v;
  if (!(v instanceof LuaUserdata)) throw typeError(1, fname, 'userdata', v);
  throw argError(1, fname, 'duration expected');
}

function checkLocation(v: unknown, fname: string): LocationValue {
  if (v instanceof LocationValue) return v;
  if (!(v instanceof LuaUserdata)) throw typeError(1, fname, 'userdata', v);
  throw argError(1, fname, 'location expected');
}

/** Go's integer division of int64 nanoseconds, then float64 of quotient plus remainder fraction. */
function inUnits(ns: number, unit: bigint): number {
  const d = clampInt64(ns);
  return Number(d / unit) + Number(d % unit) / Number(unit);
}

fillMeta(
  durationMeta,
  {
    nanoseconds: (d: unknown) => ret1(checkDuration(d, 'nanoseconds').ns),
    microseconds: (d: unknown) => ret1(Number(clampInt64(checkDuration(d, 'microseconds').ns) / 1000n)),
    milliseconds: (d: unknown) => ret1(Number(clampInt64(checkDuration(d, 'milliseconds').ns) / 1000000n)),
    seconds: (d: unknown) => ret1(inUnits(checkDuration(d, 'seconds').ns, 1000000000n)),
    minutes: (d: unknown) => ret1(inUnits(checkDuration(d, 'minutes').ns, 60000000000n)),
    hours: (d: unknown) => ret1(inUnits(checkDuration(d, 'hours').ns, 3600000000000n)),
  },
  { __tostring: (d: unknown) => ret1(formatGoDuration(checkDuration(d, 'tostring').ns)) },
);

const locationString = (l: unknown): unknown => ret1(checkLocation(l, 'string').name);
fillMeta(locationMeta, { string: locationString }, { __tostring: locationString });

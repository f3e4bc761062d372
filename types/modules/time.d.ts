// The `time` module (Wippy's time module; runtime/lib/wippy/time/, the process-bound parts in
// runtime/process/process-globals.ts): `import * as time from "time"` with `time` in the entry's `modules:`.
// Time, Duration, Location and Timer values are userdata: their methods are called with `:`.

declare namespace Moonforge {
  /** A duration: a Duration value, a Go duration string (`"1.5s"`, `"250ms"`) or a number of nanoseconds. */
  type DurationLike = Duration | string | number;

  interface Duration extends RuntimeObject {
    nanoseconds(): number;
    microseconds(): number;
    milliseconds(): number;
    seconds(): number;
    minutes(): number;
    hours(): number;
    /** @deprecated phantom: tells a Duration from a Time; never read it */
    readonly __moonforge_duration: true;
  }

  interface Location extends RuntimeObject {
    string(): string;
    /** @deprecated phantom: tells a Location from other values; never read it */
    readonly __moonforge_location: true;
  }

  /** An instant with a location (Go's time.Time). */
  interface Time extends RuntimeObject {
    add(d: DurationLike): Time;
    /** The duration `this - other`. */
    sub(other: Time): Duration;
    add_date(years: number, months: number, days: number): Time;
    after(other: Time): boolean;
    before(other: Time): boolean;
    equal(other: Time): boolean;
    /** Formats with a Go layout (`time.RFC3339`, `"2006-01-02"`). */
    format(layout: string): string;
    format_rfc3339(): string;
    unix(): number;
    unix_nano(): number;
    date(): LuaMultiReturn<[year: number, month: number, day: number]>;
    clock(): LuaMultiReturn<[hour: number, minute: number, second: number]>;
    year(): number;
    month(): number;
    day(): number;
    hour(): number;
    minute(): number;
    second(): number;
    nanosecond(): number;
    /** 0 (Sunday) .. 6 */
    weekday(): number;
    year_day(): number;
    is_zero(): boolean;
    in_location(loc: Location): Time;
    location(): Location;
    utc(): Time;
    in_local(): Time;
    round(d: Duration): Time;
    truncate(d: Duration): Time;
  }

  /** A timer or ticker: its channel yields the Time of each firing. */
  interface Timer extends RuntimeObject {
    channel(): Channel<Time>;
    /** The same channel as `channel()`. */
    response(): Channel<Time>;
    /** Stops it: true when it was still active. */
    stop(): boolean;
    /** Re-arms it as a one-shot timer: `true`, or `false, err` for a duration not above 0. */
    reset(d: DurationLike): Check;
  }
}

/** @noSelf @noResolution */
declare module "time" {
  type Time = Moonforge.Time;
  type Duration = Moonforge.Duration;
  type Location = Moonforge.Location;
  type Timer = Moonforge.Timer;

  /** The current time (the scheduler's clock: virtual time in tests). */
  function now(): Moonforge.Time;
  /** Blocks this task for `d`; other tasks and processes run. */
  function sleep(d: Moonforge.DurationLike): LuaMultiReturn<[] | [undefined, Moonforge.Error]>;
  /** A channel that yields the Time once, after `d`. */
  function after(d: Moonforge.DurationLike): Moonforge.Result<Moonforge.Channel<Moonforge.Time>>;
  /** A one-shot timer (`d` must be above 0). */
  function timer(d: Moonforge.DurationLike): Moonforge.Result<Moonforge.Timer>;
  /** A ticker firing every `d`; ticks a slow receiver misses are dropped. */
  function ticker(d: Moonforge.DurationLike): Moonforge.Result<Moonforge.Timer>;
  function date(year: number, month: number, day: number, hour: number, minute: number, second: number, nanosecond: number, loc?: Moonforge.Location): Moonforge.Time;
  function unix(sec: number, nsec: number): Moonforge.Time;
  /** Parses `value` with a Go layout. */
  function parse(layout: string, value: string, loc?: Moonforge.Location): Moonforge.Result<Moonforge.Time>;
  function parse_duration(d: Moonforge.DurationLike): Moonforge.Result<Moonforge.Duration>;
  function load_location(name: string): Moonforge.Result<Moonforge.Location>;
  function fixed_zone(name: string, offsetSeconds: number): Moonforge.Location;

  const utc: Moonforge.Location;
  const localtz: Moonforge.Location;

  /** Durations in nanoseconds. */
  const NANOSECOND: number;
  const MICROSECOND: number;
  const MILLISECOND: number;
  const SECOND: number;
  const MINUTE: number;
  const HOUR: number;

  /** Go layouts. */
  const RFC3339: string;
  const RFC3339NANO: string;
  const RFC822: string;
  const RFC822Z: string;
  const RFC850: string;
  const RFC1123: string;
  const RFC1123Z: string;
  const KITCHEN: string;
  const STAMP: string;
  const STAMP_MILLI: string;
  const STAMP_MICRO: string;
  const STAMP_NANO: string;
  const DATE_TIME: string;
  const DATE_ONLY: string;
  const TIME_ONLY: string;

  /** Months, 1 .. 12. */
  const JANUARY: 1;
  const FEBRUARY: 2;
  const MARCH: 3;
  const APRIL: 4;
  const MAY: 5;
  const JUNE: 6;
  const JULY: 7;
  const AUGUST: 8;
  const SEPTEMBER: 9;
  const OCTOBER: 10;
  const NOVEMBER: 11;
  const DECEMBER: 12;
  /** Weekdays, 0 .. 6. */
  const SUNDAY: 0;
  const MONDAY: 1;
  const TUESDAY: 2;
  const WEDNESDAY: 3;
  const THURSDAY: 4;
  const FRIDAY: 5;
  const SATURDAY: 6;
}

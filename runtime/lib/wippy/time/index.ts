// Public surface of Wippy's `time` module (spec §3.3): the module factory, the value classes and the helpers other
// modules and the scheduler-backed functions (sleep/after/timer/ticker) use.
export { createTimeModule, invalidError, invalidWrapError, timeFromMillis, LAYOUTS, type TimeHost } from './module.js';
export {
  DurationValue,
  isDuration,
  parseGoDuration,
  formatGoDuration,
  toDurationNs,
  durationValueNs,
  goQuote,
  NANOSECOND,
  MICROSECOND,
  MILLISECOND,
  SECOND,
  MINUTE,
  HOUR,
  type DurationParse,
} from './duration.js';
export { LocationValue, isLocation, UTC, LOCAL, fixedZone, loadLocation, type ZoneInfo } from './location.js';
export {
  TimeValue,
  isTime,
  ZERO_TIME,
  dateTime,
  unixTime,
  addDuration,
  subTimes,
  formatTime,
  timeString,
  epochNanos,
} from './instant.js';
export { parseTime, type TimeParse } from './parse.js';
export { RFC3339 } from './methods.js';

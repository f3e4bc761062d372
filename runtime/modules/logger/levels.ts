// Log levels, least severe first: a record is written when its level is at or above the sink's threshold.
import type { LogRecord } from '../module-host.js';

export type LogLevel = LogRecord['level'];

export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** The position of `level` in LOG_LEVELS (debug 0 ... error 3). */
export function levelRank(level: LogLevel): number {
  return LOG_LEVELS.indexOf(level);
}

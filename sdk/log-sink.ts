// Where the logger module's records go, and the two forms they are written in (one line each, on stderr so that a
// program's stdout stays its own):
// - console, for people, as `wippy run` prints them (zap's development console encoder, wippyai/runtime
//   cmd/internal/logger/logger.go): `2026-12-07 09:28:25<TAB>INFO<TAB>name<TAB>message<TAB>{"key": "value", "n": 1}`,
//   local time, the logger name only when there is one, the fields as one JSON object only when there are any, its
//   top-level pairs spaced as zap's console encoder writes them (newJSONEncoder(cfg, spaced=true): `": "` and `", "`;
//   nested values stay compact, as json.Marshal writes them); the level is coloured (Wippy's colours) only when
//   stderr is a terminal;
// - json, for machines, as Wippy's `encoding: json` (zap's production encoder): one JSON object per line,
//   `{"level":"info","ts":"2026-12-07T09:28:25.123Z","logger":"name","msg":"message","pid":"...","key":"value",...}`.
// pid and entry (the process that logged) come before the record's own fields in both, as Wippy's logger puts its
// context fields (pid, location) first (runtime/lua/modules/logger/logger.go getContextFields): a field of the same
// name the program logs comes after them, so a JSON reader that keeps the last of a repeated key reads the program's.
import { LOG_LEVELS, type LogLevel, type LogRecord } from '../runtime/modules/index.js';

export type LogFormat = 'console' | 'json';

export const LOG_FORMATS: readonly LogFormat[] = ['console', 'json'];

/**
 * The log format and level of a CLI run: each flag's value (`--log-format`, `--log-level`), else its environment
 * variable's (MOONFORGE_LOG_FORMAT, MOONFORGE_LOG_LEVEL), else undefined (the default); a message when a value is not
 * one moonforge knows.
 */
export function logSettings(
  flags: { format?: string; level?: string },
  env: Readonly<Record<string, string | undefined>>,
): { logFormat?: LogFormat; logLevel?: LogLevel } | string {
  const format = setting(flags.format, '--log-format', env.MOONFORGE_LOG_FORMAT, 'MOONFORGE_LOG_FORMAT', LOG_FORMATS);
  if (typeof format === 'object') return format.problem;
  const level = setting(flags.level, '--log-level', env.MOONFORGE_LOG_LEVEL, 'MOONFORGE_LOG_LEVEL', LOG_LEVELS);
  if (typeof level === 'object') return level.problem;
  return { logFormat: format, logLevel: level };
}

function setting<T extends string>(flag: string | undefined, flagName: string, variable: string | undefined, variableName: string, allowed: readonly T[]): T | undefined | { problem: string } {
  const v = flag ?? (variable === '' ? undefined : variable);
  if (v === undefined || (allowed as readonly string[]).includes(v)) return v as T | undefined;
  return { problem: `${flag !== undefined ? flagName : variableName} must be ${allowed.map((a) => `'${a}'`).join(' or ')} (got '${v}')` };
}

export interface LogOptions {
  /** a sink of one's own: it gets every record at or above logLevel */
  log?: (r: LogRecord) => void;
  /** the least level written (default info, as `wippy run`; debug when a sink of one's own is given) */
  logLevel?: LogLevel;
  /** the form of the default sink (default console) */
  logFormat?: LogFormat;
}

/**
 * The sink and threshold a runtime's modules log through, from the options of an app runtime or an embedding. The
 * default sink takes process.stderr at the first record: making that stream (a socket on a pipe) costs ~4 ms that
 * every app which never logs paid at start.
 */
export function logSinkFor(o: LogOptions): { log: (r: LogRecord) => void; logLevel: LogLevel } {
  if (o.log !== undefined) return { log: o.log, logLevel: o.logLevel ?? 'debug' };
  const format = o.logFormat ?? 'console';
  let color: boolean | undefined;
  return {
    log(r) {
      const stderr = process.stderr;
      if (format === 'json') stderr.write(jsonLogLine(r));
      else stderr.write(consoleLogLine(r, (color ??= stderr.isTTY === true)));
    },
    logLevel: o.logLevel ?? 'info',
  };
}

const LEVEL_TEXT: Record<LogLevel, string> = { debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR' };
// cyan, green, yellow, red: the colours of Wippy's console level encoder
const LEVEL_COLOR: Record<LogLevel, string> = { debug: '\x1b[36m', info: '\x1b[32m', warn: '\x1b[33m', error: '\x1b[31m' };

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** Go's time.DateTime layout in local time: "2006-01-02 15:04:05". */
function localDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

/**
 * `"key":value` pairs of pid, entry and then the record's fields, joined by commas ('' when there are none); `spaced`
 * puts a space after each colon and comma between them (zap's console form).
 */
function fieldPairs(r: LogRecord, spaced: boolean): string {
  const colon = spaced ? ': ' : ':';
  const comma = spaced ? ', ' : ',';
  let out = '';
  if (r.pid !== undefined) out += `"pid"${colon}${JSON.stringify(r.pid)}`;
  if (r.entry !== undefined) out += `${out === '' ? '' : comma}"entry"${colon}${JSON.stringify(r.entry)}`;
  for (const k in r.fields) out += `${out === '' ? '' : comma}${JSON.stringify(k)}${colon}${JSON.stringify(r.fields[k])}`;
  return out;
}

/** One record in the console form, with its newline. */
export function consoleLogLine(r: LogRecord, color = false): string {
  const level = color ? `${LEVEL_COLOR[r.level]}${LEVEL_TEXT[r.level]}\x1b[0m` : LEVEL_TEXT[r.level];
  const pairs = fieldPairs(r, true);
  return `${localDateTime(r.time)}\t${level}${r.logger === '' ? '' : `\t${r.logger}`}\t${r.message}${pairs === '' ? '' : `\t{${pairs}}`}\n`;
}

/** One record as a JSON line, with its newline. */
export function jsonLogLine(r: LogRecord): string {
  const pairs = fieldPairs(r, false);
  const name = r.logger === '' ? '' : `,"logger":${JSON.stringify(r.logger)}`;
  return `{"level":"${r.level}","ts":"${new Date(r.time).toISOString()}"${name},"msg":${JSON.stringify(r.message)}${pairs === '' ? '' : `,${pairs}`}}\n`;
}

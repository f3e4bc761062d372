// The arguments of running an app: what follows APPDIR in `moonforge run APPDIR ...`, and all of `node app.mjs ...`
// for a bundle (sdk/build). Light on purpose (node:util only): a bundle parses these before anything else loads.
import { parseOptions, type OptionSpecs } from './parse-options.js';

export interface AppRunArgs {
  /** -x/--exec NS:NAME: the process entry run as the root */
  exec?: string;
  /** without -x, the first argument: an entry's meta.command.name, or `list` */
  command?: string;
  host?: string;
  logFormat?: string;
  logLevel?: string;
  /** -o/--override NS:ENTRY:FIELD=VALUE, in the order given (runtime/app/overrides.ts) */
  overrides: string[];
  /** the entry's own arguments */
  args: string[];
  help?: boolean;
  /** --trace or --trace-otlp: OpenTelemetry tracing on (docs/tracing.md) */
  trace?: boolean;
  /** --trace-otlp URL: the collector's OTLP/HTTP endpoint (else OTEL_EXPORTER_OTLP_ENDPOINT, else localhost:4318) */
  traceOtlp?: string;
}

export const APP_RUN_OPTIONS = {
  exec: { type: 'string', short: 'x' },
  host: { type: 'string' },
  'log-format': { type: 'string' },
  'log-level': { type: 'string' },
  override: { type: 'string', short: 'o', multiple: true },
  help: { type: 'boolean', short: 'h' },
  trace: { type: 'boolean' },
  'trace-otlp': { type: 'string' },
} as const satisfies OptionSpecs;

export const APP_RUN_OPTIONS_USAGE = `  -x, --exec NS:NAME   run this process.lua entry as the root process (the app's services start first)
  --host HOST          the host the root runs on (default: the app's terminal.host, else its first process.host)
  -o, --override NS:ENTRY:FIELD=VALUE
                       change an entry's definition before the app starts, as wippy run -o does: FIELD is a
                       dotted path into its fields (source, method, input, lifecycle.auto_start; meta.NAME for
                       its meta; kind for its kind), VALUE true/false, a whole or decimal number, else the text
                       as written; repeatable
  --log-format console|json
                       how the logger module's records are written to stderr (default console)
  --log-level debug|info|warn|error
                       the least level of log records written (default info)
  --trace              OpenTelemetry traces of the processes and their messages, sent over OTLP/HTTP to
                       OTEL_EXPORTER_OTLP_ENDPOINT (default http://localhost:4318) (docs/tracing.md)
  --trace-otlp URL     --trace, sent to this OTLP/HTTP endpoint (http://HOST:4318, or its full /v1/traces URL)
  -h, --help           this text
`;

/**
 * The options come first, then the entry's arguments: `-x app:main --verbose 3` gives the entry `--verbose 3`, as
 * an option moonforge does not know starts them; `--` ends the options for an argument that looks like one of
 * moonforge's. Without -x the first argument is a COMMAND (or `list`), as for `wippy run COMMAND`, and an unknown
 * option in its place is an error.
 */
export function parseAppRunArgs(argv: readonly string[]): { ok: true; value: AppRunArgs } | { ok: false; message: string } {
  const parsed = parseOptions(argv, APP_RUN_OPTIONS, { positionals: 'leading', unknownStartsRest: true });
  if (!parsed.ok) return parsed;
  const { values } = parsed;
  let args = parsed.rest;
  let command: string | undefined;
  if (values.exec === undefined && args.length > 0) {
    if (!parsed.dashDash && args[0]!.startsWith('-') && args[0]!.length > 1) return { ok: false, message: `unknown option '${args[0]!.split('=', 1)[0]}'` };
    command = args[0];
    args = args.slice(1);
  }
  const value: AppRunArgs = { overrides: values.override ?? [], args };
  if (values.exec !== undefined) value.exec = values.exec;
  if (command !== undefined) value.command = command;
  if (values.host !== undefined) value.host = values.host;
  if (values['log-format'] !== undefined) value.logFormat = values['log-format'];
  if (values['log-level'] !== undefined) value.logLevel = values['log-level'];
  if (values.help === true) value.help = true;
  if (values.trace === true) value.trace = true;
  const otlp = values['trace-otlp'];
  if (otlp !== undefined) {
    if (!/^https?:\/\/[^/]/.test(otlp)) return { ok: false, message: `--trace-otlp needs an http:// or https:// URL, not '${otlp}'` };
    value.trace = true;
    value.traceOtlp = otlp;
  }
  return { ok: true, value };
}

// The arguments of running an app: what follows APPDIR in `moonforge run APPDIR ...`, and all of `node app.mjs ...`
// for a bundle (sdk/build). Light on purpose (node:util only): a bundle parses these before anything else loads.
import { parseOptions, type OptionSpecs } from './parse-options.js';
import { CLUSTER_OPTIONS, CLUSTER_USAGE, clusterArgs } from './cluster-args.js';
import type { ClusterOptions } from '../../runtime/process/index.js';

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
  /** --node NAME --cluster URL and the --cluster-* options: join a cluster over NATS (cluster-args.ts) */
  cluster?: ClusterOptions;
  /** --inspect[=[HOST:]PORT] and --inspect-control: the inspector (docs/inspector.md) */
  inspect?: { port: number; host?: string; control?: boolean };
}

/** `--inspect` given without a value (parseArgs has no optional values: the bare flag is given this one). */
const INSPECT_BARE = '\u0000default';
/** The port of a bare `--inspect`. */
const INSPECT_PORT = 9230;

export const APP_RUN_OPTIONS = {
  exec: { type: 'string', short: 'x' },
  host: { type: 'string' },
  'log-format': { type: 'string' },
  'log-level': { type: 'string' },
  override: { type: 'string', short: 'o', multiple: true },
  help: { type: 'boolean', short: 'h' },
  trace: { type: 'boolean' },
  'trace-otlp': { type: 'string' },
  ...CLUSTER_OPTIONS,
  inspect: { type: 'string' },
  'inspect-control': { type: 'boolean' },
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
  --inspect[=[HOST:]PORT]
                       serve the inspector, a live web page of the app's processes (docs/inspector.md), on
                       127.0.0.1:9230 (PORT 0: any free port); its address with the access token is written to
                       stderr at start-up
  --inspect-control    let the inspector terminate and cancel processes (through the app's security policies,
                       as host code) and pause or step virtual time
${CLUSTER_USAGE}  -h, --help           this text
`;

/**
 * The options come first, then the entry's arguments: `-x app:main --verbose 3` gives the entry `--verbose 3`, as
 * an option moonforge does not know starts them; `--` ends the options for an argument that looks like one of
 * moonforge's. Without -x the first argument is a COMMAND (or `list`), as for `wippy run COMMAND`, and an unknown
 * option in its place is an error.
 */
export function parseAppRunArgs(argv: readonly string[]): { ok: true; value: AppRunArgs } | { ok: false; message: string } {
  const bare = `--inspect=${INSPECT_BARE}`;
  const parsed = parseOptions(
    argv.map((a) => (a === '--inspect' ? bare : a)),
    APP_RUN_OPTIONS,
    { positionals: 'leading', unknownStartsRest: true },
  );
  if (!parsed.ok) return parsed;
  const { values } = parsed;
  // a bare --inspect among the entry's own arguments is theirs, as written
  let args = parsed.rest.map((a) => (a === bare ? '--inspect' : a));
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
  const cluster = clusterArgs(values);
  if (typeof cluster === 'string') return { ok: false, message: cluster };
  if (cluster !== undefined) value.cluster = cluster;
  const otlp = values['trace-otlp'];
  if (otlp !== undefined) {
    if (!/^https?:\/\/[^/]/.test(otlp) || !URL.canParse(otlp)) return { ok: false, message: `--trace-otlp needs an http:// or https:// URL, not '${otlp}'` };
    value.trace = true;
    value.traceOtlp = otlp;
  }
  const inspect = values.inspect;
  if (inspect !== undefined) {
    const at = inspectAddress(inspect === INSPECT_BARE ? '' : inspect);
    if (at === undefined) return { ok: false, message: `--inspect takes a port or HOST:PORT (0 to 65535), not '${inspect}'` };
    value.inspect = values['inspect-control'] === true ? { ...at, control: true } : at;
  } else if (values['inspect-control'] === true) return { ok: false, message: '--inspect-control goes with --inspect' };
  return { ok: true, value };
}

/** `--inspect`'s value: '' (the default port), PORT, or HOST:PORT ([IPv6]:PORT); undefined when malformed. */
function inspectAddress(v: string): { port: number; host?: string } | undefined {
  if (v === '') return { port: INSPECT_PORT };
  const m = /^(?:(\[[0-9a-fA-F:.]+\]|[^:[\]]+):)?(\d{1,5})$/.exec(v);
  if (m === null) return undefined;
  const port = Number(m[2]);
  if (port > 65535) return undefined;
  return m[1] === undefined ? { port } : { port, host: m[1].replace(/^\[(.*)\]$/, '$1') };
}

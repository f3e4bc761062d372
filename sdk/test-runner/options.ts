// The arguments of `moonforge test` (options and patterns in any order, `--` ends the options; node:util parseArgs
// through the CLI's parse-options.ts), parsed to what run-tests.ts needs, or to the usage error to report (exit 2).
import type { DiagnosticFormat } from '../../diagnostics/index.js';
import type { TestFilter } from './filter.js';
import { enumValue, parseOptions } from '../cli/parse-options.js';
import { diagnosticFormat } from '../cli/diagnostic-format.js';

export type ReporterName = 'console' | 'json' | 'junit';

export interface TestOptions {
  app: string;
  filter: TestFilter;
  jobs: number;
  /** each test's limit in ms; 0: none */
  timeoutMs: number;
  reporter: ReporterName;
  /** where the json / junit report goes; stdout when absent */
  output?: string;
  format: DiagnosticFormat;
  /** `--log-format` / `--log-level` as written (sdk/log-sink.ts logSettings reads them with the environment) */
  log: { format?: string; level?: string };
  /** entry overrides (`-o NS:ENTRY:FIELD=VALUE`), applied to the loaded app, as `wippy test -o` */
  overrides?: string[];
}

export const DEFAULT_JOBS = 4;
export const DEFAULT_TIMEOUT_MS = 30_000;

export const TEST_USAGE = `Usage: moonforge test APPDIR [PATTERN...] [OPTIONS]

Runs every entry of the app with meta.type: test (function.lua entries), as Wippy's test runner does: the app's
auto_start services are started first; tests are grouped by meta.suite and run in meta.order, then id order. A test
fails when it raises an error, returns an error as its second result, returns false, or runs past the timeout.

PATTERN selects tests by id: with * or ? a glob over the whole id ('app.test.json:*', '*:encode'), otherwise a part
of the id ('json' selects app.test.json:encode). Several patterns: a test matching any of them.

Options:
  --namespace NS        only tests in namespace NS or under it (app.test takes in app.test.json); repeatable
  --name NAME           only tests whose entry name (after ':') is NAME; repeatable
  --suite SUITE         only tests of suite SUITE (meta.suite; 'other' for those without one); repeatable
                        (NS, NAME and SUITE may be globs too; different options must all match)
  --jobs N              suites run at the same time (default ${DEFAULT_JOBS}; 1: one after another); the tests of one
                        suite always run one after another
  --timeout TIME        each test's limit: 500ms, 30s, 2m, or a number of milliseconds (default ${DEFAULT_TIMEOUT_MS / 1000}s; 0: none);
                        a test past it is terminated and reported as timed out
  --reporter NAME       console (default, for people), json or junit (for CI)
  --output FILE         write the json or junit report to FILE; the console report still goes to stdout
  --format text|json    how problems loading the app are written to stderr (as for run)
  --log-format F        console (default) or json: how the logger module's records are written to stderr
  --log-level L         debug, info (default), warn or error: the least level written
                        (MOONFORGE_LOG_FORMAT and MOONFORGE_LOG_LEVEL when not given, as for run)
  -o, --override NS:ENTRY:FIELD=VALUE
                        change an entry's definition before the app starts, as for run; repeatable
  -h, --help            this text

Without --output, a json or junit report is all that goes to stdout; what the tests print goes to stderr.

Exit code: 0 when every selected test passed (or none was selected), 1 when any failed or timed out, 2 on bad usage
or an app that cannot load or start.
`;

export type ParsedTestArgs = { type: 'help' } | { type: 'error'; message: string } | { type: 'run'; options: TestOptions };

/** `500ms`, `30s`, `2m`, or a number of milliseconds; undefined when it is none of these. */
export function parseDuration(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(s);
  if (m === null) return undefined;
  const n = Number(m[1]);
  return Math.round(m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60_000 : n);
}

const REPORTERS: readonly ReporterName[] = ['console', 'json', 'junit'];

const OPTIONS = {
  namespace: { type: 'string', multiple: true },
  name: { type: 'string', multiple: true },
  suite: { type: 'string', multiple: true },
  jobs: { type: 'string' },
  timeout: { type: 'string' },
  reporter: { type: 'string' },
  output: { type: 'string' },
  format: { type: 'string' },
  'log-format': { type: 'string' },
  'log-level': { type: 'string' },
  override: { type: 'string', short: 'o', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseTestArgs(args: readonly string[]): ParsedTestArgs {
  const parsed = parseOptions(args, OPTIONS, { positionals: 'anywhere' });
  if (!parsed.ok) return { type: 'error', message: parsed.message };
  const v = parsed.values;
  if (v.help === true) return { type: 'help' };
  let jobs = DEFAULT_JOBS;
  if (v.jobs !== undefined) {
    if (!/^\d+$/.test(v.jobs) || Number(v.jobs) < 1) return { type: 'error', message: `--jobs must be a whole number of at least 1 (got '${v.jobs}')` };
    jobs = Number(v.jobs);
  }
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (v.timeout !== undefined) {
    const ms = parseDuration(v.timeout);
    if (ms === undefined) return { type: 'error', message: `--timeout must be a time such as 500ms, 30s, 2m or a number of milliseconds (got '${v.timeout}')` };
    timeoutMs = ms;
  }
  const reporter = v.reporter === undefined ? { ok: true as const, value: 'console' as const } : enumValue('--reporter', v.reporter, REPORTERS);
  if (!reporter.ok) return { type: 'error', message: reporter.message };
  const format = diagnosticFormat(v.format);
  if (!format.ok) return { type: 'error', message: format.message };
  const [app, ...patterns] = parsed.positionals;
  if (app === undefined) return { type: 'error', message: 'missing APPDIR' };
  if (v.output !== undefined && reporter.value === 'console') return { type: 'error', message: '--output needs --reporter json or junit' };
  const filter: TestFilter = { patterns, namespaces: v.namespace ?? [], names: v.name ?? [], suites: v.suite ?? [] };
  const log: TestOptions['log'] = {};
  if (v['log-format'] !== undefined) log.format = v['log-format'];
  if (v['log-level'] !== undefined) log.level = v['log-level'];
  const options: TestOptions = { app, filter, jobs, timeoutMs, reporter: reporter.value, output: v.output, format: format.value, log };
  if (v.override !== undefined) options.overrides = v.override;
  return { type: 'run', options };
}

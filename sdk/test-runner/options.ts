// The arguments of `moonforge test` (in the CLI's argument style: options and patterns in any order, `--` ends the
// options), parsed to what run-tests.ts needs, or to the usage error to report (exit code 2).
import type { DiagnosticFormat } from '../../diagnostics/index.js';
import type { TestFilter } from './filter.js';

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
/** the options, each of which takes a value */
const VALUE_OPTIONS = new Set(['--namespace', '--name', '--suite', '--jobs', '--timeout', '--reporter', '--output', '--format', '--log-format', '--log-level']);

export function parseTestArgs(args: readonly string[]): ParsedTestArgs {
  const filter: TestFilter = { patterns: [], namespaces: [], names: [], suites: [] };
  let app: string | undefined;
  let jobs = DEFAULT_JOBS;
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  let reporter: ReporterName = 'console';
  let output: string | undefined;
  let format: DiagnosticFormat = 'text';
  const log: TestOptions['log'] = {};
  const positional = (a: string): void => {
    if (app === undefined) app = a;
    else filter.patterns.push(a);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      args.slice(i + 1).forEach(positional);
      break;
    }
    if (a === '-h' || a === '--help') return { type: 'help' };
    if (!(a.startsWith('-') && a.length > 1)) {
      positional(a);
      continue;
    }
    const v = args[i + 1];
    if (v === undefined || (v.startsWith('-') && v.length > 1)) {
      return { type: 'error', message: VALUE_OPTIONS.has(a) ? `option ${a} needs a value` : `unknown option '${a}'` };
    }
    i++;
    switch (a) {
      case '--namespace':
        filter.namespaces.push(v);
        break;
      case '--name':
        filter.names.push(v);
        break;
      case '--suite':
        filter.suites.push(v);
        break;
      case '--jobs': {
        if (!/^\d+$/.test(v) || Number(v) < 1) return { type: 'error', message: `--jobs must be a whole number of at least 1 (got '${v}')` };
        jobs = Number(v);
        break;
      }
      case '--timeout': {
        const ms = parseDuration(v);
        if (ms === undefined) return { type: 'error', message: `--timeout must be a time such as 500ms, 30s, 2m or a number of milliseconds (got '${v}')` };
        timeoutMs = ms;
        break;
      }
      case '--reporter':
        if (!(REPORTERS as readonly string[]).includes(v)) return { type: 'error', message: `--reporter must be console, json or junit (got '${v}')` };
        reporter = v as ReporterName;
        break;
      case '--output':
        output = v;
        break;
      case '--format':
        if (v !== 'text' && v !== 'json') return { type: 'error', message: `--format must be 'text' or 'json' (got '${v}')` };
        format = v;
        break;
      case '--log-format':
        log.format = v;
        break;
      case '--log-level':
        log.level = v;
        break;
      default:
        return { type: 'error', message: `unknown option '${a}'` };
    }
  }
  if (app === undefined) return { type: 'error', message: 'missing APPDIR' };
  if (output !== undefined && reporter === 'console') return { type: 'error', message: '--output needs --reporter json or junit' };
  return { type: 'run', options: { app, filter, jobs, timeoutMs, reporter, output, format, log } };
}

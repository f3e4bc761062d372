// `moonforge test APPDIR`: load the app and start it as `wippy run` does (its auto_start services run), find its
// tests, run the ones the filter selects, report, and answer with the exit code (0 all passed, 1 any failed or timed
// out, 2 bad usage or an app that cannot load or start).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SchedulerLike } from 'rxjs';
import { isError, jsonLines, renderDiagnosticsAs, type Diagnostic } from '../../diagnostics/index.js';
import type { LogRecord } from '../../runtime/modules/index.js';
import { loadApp, NodeTimeScheduler } from '../../runtime/process/index.js';
import { AppStartError, createAppRuntime, type AppRuntime } from '../app-runtime.js';
import { bootApp } from '../boot-app.js';
import { overrideReported } from '../app-overrides.js';
import { logSettings } from '../log-sink.js';
import { functionTestCall } from './call-test.js';
import { discoverTests, groupSuites } from './discover.js';
import { describeFilter, filterTests } from './filter.js';
import { IdleWatch } from './idle.js';
import type { SuiteResult } from './model.js';
import type { TestOptions } from './options.js';
import { exitCodeOf, makeReport } from './report.js';
import { runSuites } from './schedule.js';
import { ConsoleReporter, styleFor } from './reporters/console.js';
import { jsonReport } from './reporters/json.js';
import { junitReport } from './reporters/junit.js';

/** Where a test run writes, and what it runs with; the process's own streams by default (testRunIo). */
export interface TestRunIo {
  /** report text (Unicode) */
  stdout(s: string): void;
  stderr(s: string): void;
  /** is stdout a terminal (colours) */
  stdoutIsTTY: boolean;
  /** what the tests print (Lua bytes as latin1 chars), to stdout or, when stdout holds a json/junit report, stderr */
  luaStdout(s: string): void;
  luaStderr(s: string): void;
  env: Readonly<Record<string, string | undefined>>;
  time?: SchedulerLike;
  /** where log records go instead of stderr (tests) */
  log?: (r: LogRecord) => void;
}

export function processIo(): TestRunIo {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stdoutIsTTY: process.stdout.isTTY === true,
    luaStdout: (s) => process.stdout.write(Buffer.from(s, 'latin1')),
    luaStderr: (s) => process.stderr.write(Buffer.from(s, 'latin1')),
    env: process.env,
  };
}

/** Exit code of a run that could not start: bad usage, or an app that does not load or start. */
const EXIT_UNUSABLE = 2;


/** The app's runtime, or undefined when it does not load or start (reported on stderr). */
async function startApp(o: TestOptions, io: TestRunIo, time: SchedulerLike, luaOut: (s: string) => void): Promise<AppRuntime | undefined> {
  const log = logSettings(o.log, io.env);
  if (typeof log === 'string') {
    io.stderr(`moonforge test: ${log}\n`);
    return undefined;
  }
  const { app, diagnostics } = await loadApp(o.app);
  // warnings (an entry kind moonforge does not run, ...) are shown; only errors stop the run
  if (diagnostics.length > 0) io.stderr(`${renderDiagnosticsAs(o.format, diagnostics)}\n`);
  if (diagnostics.some(isError)) return undefined;
  if (!overrideReported(app, o, io.stderr)) return undefined;
  try {
    return await createAppRuntime(app, { time, write: luaOut, log: io.log, ...log });
  } catch (e) {
    if (!(e instanceof AppStartError)) throw e;
    io.stderr(`${o.format === 'json' ? jsonLines(e.records) : e.message}\n`);
    return undefined;
  }
}

export async function runTests(o: TestOptions, io: TestRunIo = processIo()): Promise<number> {
  // a json / junit report on stdout is all stdout holds: what the tests print goes to stderr then
  const reportToStdout = o.reporter !== 'console' && o.output === undefined;
  const human = reportToStdout ? undefined : new ConsoleReporter(io.stdout, styleFor(io.stdoutIsTTY, io.env));
  const time = io.time ?? new NodeTimeScheduler();
  const ar = await startApp(o, io, time, reportToStdout ? io.luaStderr : io.luaStdout);
  if (ar === undefined) return EXIT_UNUSABLE;

  const booted = bootApp(ar, { time, stderr: io.stderr });
  const tests = filterTests(discoverTests(ar.app.entries.values()), o.filter);
  const suites = groupSuites(tests);
  const filterText = describeFilter(o.filter);
  if (tests.length === 0) human?.nothingToRun(filterText);
  else human?.start(tests.length, suites.length, filterText);

  const idle = new IdleWatch();
  const startedAt = new Date();
  const t0 = performance.now();
  let results: SuiteResult[];
  try {
    results = await runSuites(suites, {
      call: functionTestCall(ar.rt, idle),
      jobs: o.jobs,
      timeoutMs: o.timeoutMs,
      onEvent: (e) => {
        if (e.type === 'suite-end') human?.suiteDone(e.result);
      },
    });
  } finally {
    idle.close();
    await booted.stop(0);
  }
  const report = makeReport(resolve(o.app), results, startedAt, performance.now() - t0);
  if (tests.length > 0) human?.finish(report);

  if (o.reporter !== 'console') {
    const text = o.reporter === 'json' ? jsonReport(report) : junitReport(report);
    if (o.output === undefined) io.stdout(text);
    else {
      try {
        writeFileSync(o.output, text);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        io.stderr(`moonforge test: cannot write ${o.output} (${err.code ?? err.message})\n`);
        return EXIT_UNUSABLE;
      }
      human?.reportWritten(o.reporter, o.output);
    }
  }
  return exitCodeOf(report);
}

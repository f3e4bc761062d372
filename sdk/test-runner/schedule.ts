// Running the suites: the tests of one suite one after another in their order (a later test may rely on an earlier
// one, as under Wippy's runner), different suites at the same time up to `jobs` of them. Suites are independent:
// Wippy's runner orders tests only inside a suite, so no suite can count on another having run before it.
import { performance } from 'node:perf_hooks';
import { judge } from './judge.js';
import type { Suite, SuiteResult, TestCall, TestCase, TestResult } from './model.js';

export type RunEvent =
  | { type: 'suite-start'; suite: Suite }
  | { type: 'test-start'; suite: Suite; test: TestCase }
  | { type: 'test-end'; suite: Suite; result: TestResult }
  | { type: 'suite-end'; suite: Suite; result: SuiteResult };

export interface ScheduleOptions {
  call: TestCall;
  /** suites running at once (at least 1) */
  jobs: number;
  /** each test's limit; 0: none */
  timeoutMs: number;
  onEvent?: (e: RunEvent) => void;
  /** a clock in milliseconds (tests give a fake one) */
  now?: () => number;
}

async function runSuite(suite: Suite, opts: ScheduleOptions, now: () => number): Promise<SuiteResult> {
  opts.onEvent?.({ type: 'suite-start', suite });
  const start = now();
  const results: TestResult[] = [];
  for (const test of suite.tests) {
    opts.onEvent?.({ type: 'test-start', suite, test });
    const t0 = now();
    const outcome = await opts.call(test, { timeoutMs: opts.timeoutMs });
    const result: TestResult = { test, durationMs: now() - t0, ...judge(outcome, opts.timeoutMs) };
    results.push(result);
    opts.onEvent?.({ type: 'test-end', suite, result });
  }
  const out = { name: suite.name, results, durationMs: now() - start };
  opts.onEvent?.({ type: 'suite-end', suite, result: out });
  return out;
}

/** Runs every suite; the results come back in the suites' order, whatever order they finished in. */
export async function runSuites(suites: readonly Suite[], opts: ScheduleOptions): Promise<SuiteResult[]> {
  const now = opts.now ?? (() => performance.now());
  const out: SuiteResult[] = new Array(suites.length);
  let next = 0;
  // `jobs` workers, each taking the next suite not yet started
  const worker = async (): Promise<void> => {
    while (next < suites.length) {
      const i = next++;
      out[i] = await runSuite(suites[i]!, opts, now);
    }
  };
  const workers = Math.max(1, Math.min(opts.jobs, suites.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return out;
}

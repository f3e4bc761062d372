// What `moonforge test` works with: the tests found in an app, how one call of a test ended, and the results the
// reporters write. Kept free of the runtime so discovery, scheduling and reporting can be tested on their own.

/** An entry with `meta.type: test`: a function.lua entry, called as funcs.call calls it. */
export interface TestCase {
  /** "namespace:name" */
  id: string;
  namespace: string;
  name: string;
  /** `meta.suite`; tests without one are in the suite OTHER_SUITE */
  suite: string;
  /** `meta.order` (0 when absent): the order inside its suite, then the id */
  order: number;
  /** `meta.description`, when it has one */
  description?: string;
  /** where the entry is defined (path relative to the app folder, line), for reports */
  file: string;
  line: number;
}

/** The suite of tests without `meta.suite`, run after the named ones (as Wippy's runner.lua names and places it). */
export const OTHER_SUITE = 'other';

export interface Suite {
  name: string;
  /** in run order: `meta.order`, then id */
  tests: TestCase[];
}

/** How one call of a test function ended, as funcs.call reports it to its caller. */
export type CallOutcome =
  /** it returned: its first result, a Lua value */
  | { type: 'returned'; value: unknown }
  /** it failed: raised an error or returned one beside its result (`nil, err`); the error's text as Lua bytes */
  | { type: 'failed'; message: string; traceback?: string }
  /** it did not end within the timeout and was terminated */
  | { type: 'timeout' };

/** Calls one test function with a time limit; never rejects (a failure to call is an outcome too). */
export type TestCall = (test: TestCase, opts: { timeoutMs: number }) => Promise<CallOutcome>;

export type TestStatus = 'passed' | 'failed' | 'timeout';

export interface TestResult {
  test: TestCase;
  status: TestStatus;
  durationMs: number;
  /** why it failed: the error message, `test returned false`, the returned error, or the timeout */
  message?: string;
  /** the Lua traceback of a raised error */
  traceback?: string;
}

export interface SuiteResult {
  name: string;
  results: TestResult[];
  durationMs: number;
}

export interface RunReport {
  /** the app folder */
  app: string;
  suites: SuiteResult[];
  passed: number;
  failed: number;
  timedOut: number;
  total: number;
  durationMs: number;
  /** ISO time the run started */
  startedAt: string;
}

// The run's results with their counts, as every reporter reads them.
import type { RunReport, SuiteResult, TestResult, TestStatus } from './model.js';

export interface Counts {
  total: number;
  passed: number;
  failed: number;
  timedOut: number;
}

export function countResults(results: readonly TestResult[]): Counts {
  const n = (s: TestStatus): number => results.reduce((k, r) => k + (r.status === s ? 1 : 0), 0);
  return { total: results.length, passed: n('passed'), failed: n('failed'), timedOut: n('timeout') };
}

export function makeReport(app: string, suites: SuiteResult[], startedAt: Date, durationMs: number): RunReport {
  const counts = countResults(suites.flatMap((s) => s.results));
  return { app, suites, ...counts, durationMs, startedAt: startedAt.toISOString() };
}

/** Exit code of a run: 0 when every test passed, 1 when any failed or timed out. */
export function exitCodeOf(report: RunReport): number {
  return report.passed === report.total ? 0 : 1;
}

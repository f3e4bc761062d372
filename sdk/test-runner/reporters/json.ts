// `--reporter json`: the whole run as one JSON document, for tools. Durations in milliseconds; `file` and `line`
// locate the test's entry in its definition file; a failed test has `message` and, when it raised, `traceback`.
import type { RunReport, TestResult } from '../model.js';
import { countResults } from '../report.js';

const ms = (v: number): number => Math.round(v * 10) / 10;

function testJson(r: TestResult): Record<string, unknown> {
  const t = r.test;
  return {
    id: t.id,
    namespace: t.namespace,
    name: t.name,
    ...(t.description !== undefined ? { description: t.description } : {}),
    file: t.file,
    line: t.line,
    status: r.status,
    durationMs: ms(r.durationMs),
    ...(r.message !== undefined ? { message: r.message } : {}),
    ...(r.traceback !== undefined ? { traceback: r.traceback } : {}),
  };
}

export function jsonReport(report: RunReport): string {
  const doc = {
    app: report.app,
    startedAt: report.startedAt,
    durationMs: ms(report.durationMs),
    summary: { total: report.total, passed: report.passed, failed: report.failed, timedOut: report.timedOut },
    suites: report.suites.map((s) => ({
      name: s.name,
      durationMs: ms(s.durationMs),
      ...countResults(s.results),
      tests: s.results.map(testJson),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

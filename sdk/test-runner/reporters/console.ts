// The report for people (the default): a line per suite as it finishes (its count, time and the tests that failed),
// then each failure with its message and Lua traceback, then the summary. Colours only on a terminal, and never
// with NO_COLOR set (no-color.org).
import type { RunReport, SuiteResult, TestResult } from '../model.js';
import { countResults } from '../report.js';

export interface Style {
  bold(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  dim(s: string): string;
}

const ansi = (code: number) => (s: string): string => `\u001b[${code}m${s}\u001b[0m`;
export const COLOR: Style = { bold: ansi(1), red: ansi(31), green: ansi(32), yellow: ansi(33), cyan: ansi(36), dim: ansi(2) };
const same = (s: string): string => s;
export const PLAIN: Style = { bold: same, red: same, green: same, yellow: same, cyan: same, dim: same };

/** Colour when writing to a terminal, unless NO_COLOR is set to anything but "". */
export function styleFor(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): Style {
  return isTTY === true && (env.NO_COLOR ?? '') === '' ? COLOR : PLAIN;
}

export function formatDuration(ms: number): string {
  if (ms < 1) return '<1ms';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  return `${(ms / 1000).toFixed(1)}s`;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export class ConsoleReporter {
  constructor(
    private readonly write: (s: string) => void,
    private readonly style: Style,
  ) {}

  start(tests: number, suites: number, filter: string): void {
    const c = this.style;
    if (filter !== '') this.write(`${c.dim(`filter: ${filter}`)}\n`);
    this.write(`${c.bold(`Running ${plural(tests, 'test')} in ${plural(suites, 'suite')}`)}\n\n`);
  }

  /** No test selected: said plainly (a filter that matched nothing is most often a typo). */
  nothingToRun(filter: string): void {
    this.write(`${this.style.yellow(filter === '' ? 'No tests found' : `No tests match: ${filter}`)}\n`);
  }

  suiteDone(s: SuiteResult): void {
    const c = this.style;
    const n = countResults(s.results);
    const bad = n.failed + n.timedOut;
    const status = bad === 0 ? c.green(`${n.passed}/${n.total}`) : c.red(`${bad} failed`);
    this.write(`  ${bad === 0 ? c.green('●') : c.red('●')} ${c.bold(s.name)} ${c.dim(`(${n.total})`)} ${status} ${c.dim(formatDuration(s.durationMs))}\n`);
    for (const r of s.results) {
      if (r.status === 'failed') this.write(`    ${c.red('✗')} ${r.test.name}\n`);
      else if (r.status === 'timeout') this.write(`    ${c.red('✗')} ${r.test.name} ${c.yellow('(timed out)')}\n`);
    }
  }

  private failure(r: TestResult): void {
    const c = this.style;
    const where = c.dim(`(${r.test.file}:${r.test.line})`);
    this.write(`\n  ${c.cyan(r.test.id)} ${where}\n`);
    for (const line of (r.message ?? '').split('\n')) this.write(`    ${c.red(line)}\n`);
    if (r.traceback !== undefined) for (const line of r.traceback.split('\n')) this.write(`    ${c.dim(line)}\n`);
  }

  reportWritten(reporter: string, file: string): void {
    this.write(`${this.style.dim(`${reporter} report written to ${file}`)}\n`);
  }

  finish(report: RunReport): void {
    const c = this.style;
    const failures = report.suites.flatMap((s) => s.results.filter((r) => r.status !== 'passed'));
    if (failures.length > 0) {
      this.write(`\n${c.bold(c.red('Failures'))}\n`);
      failures.forEach((r) => this.failure(r));
    }
    const parts = [c.green(`${report.passed} passed`)];
    if (report.failed > 0) parts.push(c.red(`${report.failed} failed`));
    if (report.timedOut > 0) parts.push(c.red(`${report.timedOut} timed out`));
    const verdict = failures.length === 0 ? c.bold(c.green('PASSED')) : c.bold(c.red('FAILED'));
    const of = c.dim(`(${plural(report.total, 'test')}, ${plural(report.suites.length, 'suite')}) ${formatDuration(report.durationMs)}`);
    this.write(`\n${verdict}  ${parts.join('  ')}  ${of}\n`);
  }
}

// `--reporter junit`: JUnit XML as CI systems read it (one <testsuite> per suite; a test's classname is its
// namespace and its name the entry name). A failed test has a <failure> with the message and the Lua traceback; a
// timed-out test an <error type="timeout">, counted in `errors`.
import type { RunReport, SuiteResult, TestResult } from '../model.js';
import { countResults } from '../report.js';

/**
 * Characters XML 1.0 cannot hold at all, even as references (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF). A
 * message may hold them (a Lua string is bytes: an ANSI escape, a NUL): they are written as Lua writes such a byte in
 * a string literal, `\27`. (Lone surrogates cannot occur: report text is decoded from UTF-8.)
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function printable(s: string): string {
  return s.replace(NOT_XML, (c) => `\\${c.charCodeAt(0)}`);
}

/** Text content: `&` and `<` (and `>`, so `]]>` cannot appear). */
export function xmlText(s: string): string {
  return printable(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes; tab, newline and CR as references, or parsers turn them into spaces. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

function attrs(pairs: Record<string, string | number | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

function testcase(r: TestResult): string {
  const t = r.test;
  const head = `    <testcase${attrs({ name: t.name, classname: t.namespace, time: seconds(r.durationMs), file: t.file, line: t.line })}`;
  if (r.status === 'passed') return `${head}/>`;
  const body = xmlText([r.message ?? '', r.traceback].filter((s) => s !== undefined).join('\n'));
  const tag = r.status === 'timeout' ? 'error' : 'failure';
  const type = r.status === 'timeout' ? 'timeout' : 'failure';
  return `${head}>\n      <${tag}${attrs({ message: r.message ?? '', type })}>${body}</${tag}>\n    </testcase>`;
}

function testsuite(s: SuiteResult, timestamp: string): string {
  const c = countResults(s.results);
  const head = `  <testsuite${attrs({ name: s.name, tests: c.total, failures: c.failed, errors: c.timedOut, skipped: 0, time: seconds(s.durationMs), timestamp })}`;
  if (s.results.length === 0) return `${head}/>`;
  return `${head}>\n${s.results.map(testcase).join('\n')}\n  </testsuite>`;
}

export function junitReport(report: RunReport): string {
  const timestamp = report.startedAt.replace(/\.\d+Z$/, '');
  const head = `<testsuites${attrs({ name: 'moonforge test', tests: report.total, failures: report.failed, errors: report.timedOut, time: seconds(report.durationMs), timestamp })}`;
  const suites = report.suites.map((s) => testsuite(s, timestamp)).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}>\n${suites}${suites === '' ? '' : '\n'}</testsuites>\n`;
}

// The reports: JSON for tools, JUnit XML for CI (well-formed whatever a message holds: read back with a real XML
// parser), and the console report for people.
import { describe, expect, it } from 'vitest';
import type { RunReport, TestResult } from '../../sdk/test-runner/model.js';
import { exitCodeOf, makeReport } from '../../sdk/test-runner/report.js';
import { jsonReport } from '../../sdk/test-runner/reporters/json.js';
import { junitReport } from '../../sdk/test-runner/reporters/junit.js';
import { ConsoleReporter, PLAIN, styleFor, COLOR } from '../../sdk/test-runner/reporters/console.js';
import { parseXml } from '../support/xml.js';
import { testCase } from './test-cases.js';

/** Every character XML cannot hold or must escape, and some it can: a message from a Lua error may have any. */
const NASTY = 'a & b < c > d "q" \'s\' ]]> tab\there\r\nline2 esc\u001b[31m nul\u0000 caf\u00e9 \u{1f600}';

function sample(): RunReport {
  const ok = (id: string, ms: number): TestResult => ({ test: testCase(id, 'json'), status: 'passed', durationMs: ms });
  const suites = [
    {
      name: 'json',
      durationMs: 12.345,
      results: [
        ok('app.test.json:encode', 3.21),
        {
          test: { ...testCase('app.test.json:decode', 'json'), description: 'json.decode', file: 'src/test/json/_index.yaml', line: 20 },
          status: 'failed' as const,
          durationMs: 4,
          message: `src/test/json/decode.lua:9: ${NASTY}`,
          traceback: "stack traceback:\n\t[C]: in function 'error'\n\tsrc/test/json/decode.lua:9: in function <src/test/json/decode.lua:5>",
        },
      ],
    },
    { name: 'other', durationMs: 2000, results: [{ test: testCase('app:slow'), status: 'timeout' as const, durationMs: 2000, message: 'timed out after 2000ms' }] },
  ];
  return makeReport('/apps/demo', suites, new Date('2026-12-07T09:30:00.250Z'), 2012.5);
}

describe('reports', () => {
  it('counts results; the exit code is 1 when any test failed or timed out, 0 when all passed', () => {
    const r = sample();
    expect([r.total, r.passed, r.failed, r.timedOut]).toEqual([3, 1, 1, 1]);
    expect(exitCodeOf(r)).toBe(1);
    expect(exitCodeOf(makeReport('/a', [{ name: 's', durationMs: 1, results: [r.suites[0]!.results[0]!] }], new Date(), 1))).toBe(0);
    expect(exitCodeOf(makeReport('/a', [], new Date(), 0))).toBe(0);
  });

  it('writes JSON with the summary, each suite with its counts, each test with its status and failure', () => {
    const doc = JSON.parse(jsonReport(sample()));
    expect(doc.summary).toEqual({ total: 3, passed: 1, failed: 1, timedOut: 1 });
    expect(doc).toMatchObject({ app: '/apps/demo', startedAt: '2026-12-07T09:30:00.250Z', durationMs: 2012.5 });
    expect(doc.suites.map((s: { name: string; total: number; failed: number }) => [s.name, s.total, s.failed])).toEqual([
      ['json', 2, 1],
      ['other', 1, 0],
    ]);
    expect(doc.suites[0].durationMs).toBe(12.3);
    expect(doc.suites[0].tests[0]).toEqual({ id: 'app.test.json:encode', namespace: 'app.test.json', name: 'encode', file: 'src/_index.yaml', line: 1, status: 'passed', durationMs: 3.2 });
    expect(doc.suites[0].tests[1]).toMatchObject({ status: 'failed', description: 'json.decode', line: 20, message: `src/test/json/decode.lua:9: ${NASTY}` });
    expect(doc.suites[0].tests[1].traceback).toContain('decode.lua:9: in function');
    expect(doc.suites[1].tests[0]).toMatchObject({ id: 'app:slow', status: 'timeout', message: 'timed out after 2000ms' });
  });

  it('writes well-formed JUnit XML: suites, cases by namespace and name, failures and timeouts, every character escaped', () => {
    const xml = junitReport(sample());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    const root = parseXml(xml);
    expect(root.tag).toBe('testsuites');
    expect(root.attrs).toMatchObject({ name: 'moonforge test', tests: '3', failures: '1', errors: '1', time: '2.013', timestamp: '2026-12-07T09:30:00' });
    const [json, other] = root.children;
    expect(json!.attrs).toMatchObject({ name: 'json', tests: '2', failures: '1', errors: '0', skipped: '0', time: '0.012' });
    const [encode, decode] = json!.children;
    expect(encode).toMatchObject({ tag: 'testcase', attrs: { name: 'encode', classname: 'app.test.json', time: '0.003' }, children: [] });
    const failure = decode!.children[0]!;
    expect(failure.tag).toBe('failure');
    expect(decode!.attrs).toMatchObject({ file: 'src/test/json/_index.yaml', line: '20' });
    // what XML can hold comes back exactly (newlines and tabs in attributes too); what it cannot is written as Lua
    // escapes (\27, \0)
    const readable = NASTY.replace('\u001b', '\\27').replace('\u0000', '\\0');
    expect(failure.attrs.message).toBe(`src/test/json/decode.lua:9: ${readable}`);
    expect(failure.attrs.type).toBe('failure');
    // element text: XML parsers turn CR LF into LF
    expect(failure.text).toBe(`src/test/json/decode.lua:9: ${readable.replace('\r\n', '\n')}\n${sample().suites[0]!.results[1]!.traceback}`);
    const timeout = other!.children[0]!;
    expect(timeout.attrs).toMatchObject({ name: 'slow', classname: 'app' });
    expect(timeout.children[0]).toMatchObject({ tag: 'error', attrs: { type: 'timeout', message: 'timed out after 2000ms' } });
  });

  it('writes JUnit XML for a run with no tests', () => {
    const root = parseXml(junitReport(makeReport('/a', [], new Date(), 0)));
    expect(root).toMatchObject({ tag: 'testsuites', attrs: { tests: '0' }, children: [] });
  });

  it('prints suites as they finish, then failures with message and traceback, then the summary', () => {
    let out = '';
    const c = new ConsoleReporter((s) => (out += s), PLAIN);
    const r = sample();
    c.start(3, 2, 'json');
    r.suites.forEach((s) => c.suiteDone(s));
    c.finish(r);
    expect(out).toBe(
      [
        'filter: json',
        'Running 3 tests in 2 suites',
        '',
        '  ● json (2) 1 failed 12ms',
        '    ✗ decode',
        '  ● other (1) 1 failed 2.0s',
        '    ✗ slow (timed out)',
        '',
        'Failures',
        '',
        '  app.test.json:decode (src/test/json/_index.yaml:20)',
        ...`src/test/json/decode.lua:9: ${NASTY}`.split('\n').map((l) => `    ${l}`),
        '    stack traceback:',
        "    \t[C]: in function 'error'",
        '    \tsrc/test/json/decode.lua:9: in function <src/test/json/decode.lua:5>',
        '',
        '  app:slow (src/_index.yaml:1)',
        '    timed out after 2000ms',
        '',
        'FAILED  1 passed  1 failed  1 timed out  (3 tests, 2 suites) 2.0s',
        '',
      ].join('\n'),
    );
  });

  it('colours only a terminal, and never with NO_COLOR', () => {
    expect(styleFor(true, {})).toBe(COLOR);
    expect(styleFor(true, { NO_COLOR: '1' })).toBe(PLAIN);
    expect(styleFor(true, { NO_COLOR: '' })).toBe(COLOR);
    expect(styleFor(false, {})).toBe(PLAIN);
    expect(styleFor(undefined, {})).toBe(PLAIN);
  });
});

// Finding an app's tests and their run order, as Wippy's runner.lua does (wippyai/runtime tests/app/src/runner.lua:
// registry.find{["meta.type"]="test"}, group_by_suite, sort_tests by meta.order then id, sorted suite names, the
// tests without a suite last as "other").
import { describe, expect, it } from 'vitest';
import { loadApp } from '../../runtime/process/index.js';
import { discoverTests, groupSuites } from '../../sdk/test-runner/discover.js';
import { testCase } from './test-cases.js';
import { writeApp } from '../support/app-folder.js';

const fn = (name: string, meta: string): string =>
  `  - name: ${name}\n    kind: function.lua\n    meta: ${meta}\n    source: file://t.lua\n    method: main\n`;

describe('discovery', () => {
  it('finds the entries with meta.type test, of any kind, with suite, order, description and position', async () => {
    const dir = writeApp({
      'src/t.lua': 'return { main = function() return true end }',
      'src/_index.yaml':
        'version: "1.0"\nnamespace: app.t\nentries:\n' +
        fn('b', '{ type: test, suite: s1, order: 2, description: "the b test" }') +
        fn('a', '{ type: test, suite: s1 }') +
        fn('helper', '{ type: tool }') +
        fn('loose', '{ type: test }') +
        '  - name: proc\n    kind: process.lua\n    meta: { type: test, suite: 7 }\n    source: file://t.lua\n    method: main\n',
    });
    const { app, diagnostics } = await loadApp(dir);
    expect(diagnostics).toEqual([]);
    const tests = discoverTests(app.entries.values());
    expect(tests.map((t) => [t.id, t.suite, t.order])).toEqual([
      ['app.t:b', 's1', 2],
      ['app.t:a', 's1', 0],
      ['app.t:loose', 'other', 0],
      ['app.t:proc', '7', 0],
    ]);
    expect(tests[0]).toMatchObject({ namespace: 'app.t', name: 'b', description: 'the b test', file: 'src/_index.yaml', line: 4 });
  });

  it('orders suites by name with "other" last, and tests by meta.order then id', () => {
    const suites = groupSuites([
      testCase('app:z', 'beta'),
      testCase('app:nosuite'),
      testCase('app:y', 'alpha', 1),
      testCase('app:x', 'alpha', 1),
      testCase('app:w', 'alpha', -1),
      testCase('app:b', 'Zed'),
    ]);
    expect(suites.map((s) => [s.name, s.tests.map((t) => t.name)])).toEqual([
      ['Zed', ['b']], // byte order, as Lua's table.sort on strings: upper case first
      ['alpha', ['w', 'x', 'y']],
      ['beta', ['z']],
      ['other', ['nosuite']],
    ]);
  });
});

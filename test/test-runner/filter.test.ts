// Choosing tests: Wippy's substring patterns (runner.lua filter_tests: entry.id:find(pattern, 1, true)), globs over
// the id, and --namespace / --name / --suite.
import { describe, expect, it } from 'vitest';
import { filterTests, globRegExp, NO_FILTER, type TestFilter } from '../../sdk/test-runner/filter.js';
import { testCase } from './test-cases.js';

const TESTS = [
  testCase('app.test.json:encode', 'json'),
  testCase('app.test.json:decode', 'json'),
  testCase('app.test.yaml:encode', 'yaml'),
  testCase('app.test:base64', 'base64'),
  testCase('app.testing:encode'),
  testCase('app.test.process:spawn.basic', 'process'),
];

const ids = (f: Partial<TestFilter>): string[] => filterTests(TESTS, { ...NO_FILTER, ...f }).map((t) => t.id);

describe('test filters', () => {
  it('selects everything without a filter', () => {
    expect(ids({})).toHaveLength(TESTS.length);
  });

  it('takes a pattern without * or ? as a plain substring of the id, as runner.lua does', () => {
    expect(ids({ patterns: ['json'] })).toEqual(['app.test.json:encode', 'app.test.json:decode']);
    // plain: '.' is no pattern character
    expect(ids({ patterns: ['spawn.basic'] })).toEqual(['app.test.process:spawn.basic']);
    expect(ids({ patterns: ['t.json:d', 'base64'] })).toEqual(['app.test.json:decode', 'app.test:base64']);
  });

  it('takes a pattern with * or ? as a glob over the whole id', () => {
    expect(ids({ patterns: ['app.test.json:*'] })).toEqual(['app.test.json:encode', 'app.test.json:decode']);
    expect(ids({ patterns: ['*:encode'] })).toEqual(['app.test.json:encode', 'app.test.yaml:encode', 'app.testing:encode']);
    expect(ids({ patterns: ['app.test.????:encode'] })).toEqual(['app.test.json:encode', 'app.test.yaml:encode']);
    // anchored: a glob must match all of the id
    expect(ids({ patterns: ['json:*'] })).toEqual([]);
  });

  it('takes in the namespaces under --namespace, and no namespace that only starts with its text', () => {
    expect(ids({ namespaces: ['app.test'] })).toEqual([
      'app.test.json:encode',
      'app.test.json:decode',
      'app.test.yaml:encode',
      'app.test:base64',
      'app.test.process:spawn.basic',
    ]);
    expect(ids({ namespaces: ['app.test.json', 'app.testing'] })).toEqual(['app.test.json:encode', 'app.test.json:decode', 'app.testing:encode']);
  });

  it('matches --name and --suite exactly or as globs, and needs every kind of option to match', () => {
    expect(ids({ names: ['encode'] })).toEqual(['app.test.json:encode', 'app.test.yaml:encode', 'app.testing:encode']);
    expect(ids({ names: ['spawn.*'] })).toEqual(['app.test.process:spawn.basic']);
    expect(ids({ suites: ['other'] })).toEqual(['app.testing:encode']);
    expect(ids({ names: ['encode'], namespaces: ['app.test'] })).toEqual(['app.test.json:encode', 'app.test.yaml:encode']);
    expect(ids({ names: ['encode'], suites: ['y*'], patterns: ['app'] })).toEqual(['app.test.yaml:encode']);
  });

  it('treats every other character of a glob literally', () => {
    expect(globRegExp('a.(b)+[c]$^{d}|\\e*').test('a.(b)+[c]$^{d}|\\exyz')).toBe(true);
    expect(globRegExp('a.b').test('axb')).toBe(false);
  });
});

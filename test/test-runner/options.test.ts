// The arguments of `moonforge test`: what each option sets, and each usage error (exit code 2 at the CLI).
import { describe, expect, it } from 'vitest';
import { DEFAULT_JOBS, DEFAULT_TIMEOUT_MS, parseDuration, parseTestArgs } from '../../sdk/test-runner/options.js';

describe('moonforge test arguments', () => {
  it('has defaults: every test, console report, 4 jobs, 30 s per test', () => {
    expect(parseTestArgs(['app'])).toEqual({
      type: 'run',
      options: { app: 'app', filter: { patterns: [], namespaces: [], names: [], suites: [] }, jobs: DEFAULT_JOBS, timeoutMs: DEFAULT_TIMEOUT_MS, reporter: 'console', output: undefined, format: 'text', log: {} },
    });
  });

  it('takes patterns and options in any order; -- ends the options', () => {
    const r = parseTestArgs(['--jobs', '2', 'app', 'json', '--namespace', 'app.test', '*:encode', '--name', 'x', '--suite', 's', '--name', 'y', '--', '--odd']);
    expect(r).toMatchObject({
      type: 'run',
      options: { app: 'app', jobs: 2, filter: { patterns: ['json', '*:encode', '--odd'], namespaces: ['app.test'], names: ['x', 'y'], suites: ['s'] } },
    });
    expect(parseTestArgs(['app', '--reporter', 'junit', '--output', 'r.xml', '--timeout', '1.5s', '--format', 'json', '--log-level', 'warn', '--log-format', 'json'])).toMatchObject({
      options: { reporter: 'junit', output: 'r.xml', timeoutMs: 1500, format: 'json', log: { level: 'warn', format: 'json' } },
    });
  });

  it('takes entry overrides, -o or --override, repeated in order, as wippy test -o', () => {
    expect(parseTestArgs(['app', '-o', 'app:db:port=5432', '--override=app:x:kind=function.lua'])).toMatchObject({
      type: 'run',
      options: { app: 'app', overrides: ['app:db:port=5432', 'app:x:kind=function.lua'] },
    });
  });

  it('reads durations with ms, s or m, or bare milliseconds', () => {
    expect([parseDuration('250'), parseDuration('250ms'), parseDuration('2s'), parseDuration('0.5s'), parseDuration('2m'), parseDuration('0')]).toEqual([250, 250, 2000, 500, 120000, 0]);
    expect([parseDuration('2h'), parseDuration('-1'), parseDuration('s'), parseDuration('1e3')]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('asks for help with -h and --help anywhere', () => {
    expect(parseTestArgs(['--help'])).toEqual({ type: 'help' });
    expect(parseTestArgs(['app', '-h'])).toEqual({ type: 'help' });
  });

  it.each([
    [[], 'missing APPDIR'],
    [['app', '--jobs'], 'option --jobs needs a value'],
    [['app', '--suite', '--name', 'x'], 'option --suite needs a value'],
    [['app', '--jobs', '0'], "--jobs must be a whole number of at least 1 (got '0')"],
    [['app', '--jobs', 'two'], "--jobs must be a whole number of at least 1 (got 'two')"],
    [['app', '--timeout', 'soon'], "--timeout must be a time such as 500ms, 30s, 2m or a number of milliseconds (got 'soon')"],
    [['app', '--reporter', 'tap'], "--reporter must be console, json or junit (got 'tap')"],
    [['app', '--format', 'xml'], "--format must be 'text' or 'json' (got 'xml')"],
    [['app', '--output', 'r.json'], '--output needs --reporter json or junit'],
    [['app', '--bail'], "unknown option '--bail'"],
    [['app', '--bail', 'x'], "unknown option '--bail'"],
  ])('refuses %j: %s', (args, message) => {
    expect(parseTestArgs(args)).toEqual({ type: 'error', message });
  });
});

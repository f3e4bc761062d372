// `moonforge test APPDIR` end to end, as CI runs it: which tests run and in what order, how each way of failing is
// reported (an error with its Lua traceback, `false`, an error returned beside the result, a timeout, a deadlock),
// filters, the json and junit reports, and the exit codes (0 all passed, 1 any failed, 2 bad usage or app errors).
// The rules are Wippy's runner's (wippyai/runtime tests/app/src/runner.lua). Needs the built dist/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { indexYaml, writeApp } from '../support/app-folder.js';
import { runMoonforgeCli, showsJsStack } from '../support/moonforge-cli.js';
import { parseXml } from '../support/xml.js';

// each test spawns node and compiles the app (~1 s, more on a loaded machine)
vi.setConfig({ testTimeout: 60_000 });

const test = (name: string, meta: string, extra = ''): string =>
  `  - name: ${name}\n    kind: function.lua\n    meta: { type: test, ${meta} }\n    source: file://t/${name}.lua\n    method: main\n${extra}`;

/** An app with a test of each outcome, in suites "basic" and "slow", one without a suite, and a service. */
const APP = {
  'src/_index.yaml':
    indexYaml(
      test('pass', 'suite: basic, order: 2') +
        test('quiet', 'suite: basic, order: 2, description: "returns nothing"') +
        test('falsy', 'suite: basic, order: 1') +
        test('raise', 'suite: basic, order: 3') +
        test('second', 'suite: basic, order: 3') +
        test('service', 'suite: boot') +
        test('slow', 'suite: slow', '    modules: [time]\n') +
        test('stuck', 'suite: slow') +
        test('loose', 'order: 0') +
        '  - name: helper\n    kind: function.lua\n    meta: { type: tool }\n    source: file://t/pass.lua\n    method: main\n' +
        '  - name: echo\n    kind: process.lua\n    source: file://echo.lua\n    method: main\n' +
        '  - name: echo_service\n    kind: process.service\n    process: app:echo\n    host: app:processes\n    lifecycle:\n      auto_start: true\n',
    ),
  'src/t/pass.lua': 'return { main = function() print("pass ran") return true end }',
  'src/t/quiet.lua': 'return { main = function() end }',
  'src/t/falsy.lua': 'return { main = function() return false end }',
  'src/t/raise.lua': [
    'local function check(v, msg)',
    '  if not v then error(msg .. ": expected truthy value", 2) end',
    'end',
    'local function main()',
    '  check(1 + 1 == 3, "sum <is> & wrong")',
    '  return true',
    'end',
    'return { main = main }',
  ].join('\n'),
  'src/t/second.lua': 'return { main = function() return nil, "backend unavailable" end }',
  // the service started at boot answers
  'src/t/service.lua': `return { main = function()
      local echo = process.registry.lookup("echo")
      if not echo then error("the service is not running") end
      process.send(echo, "ping", process.pid())
      return process.inbox():receive():payload():data() == "pong"
    end }`,
  'src/echo.lua': `return { main = function()
      process.registry.register("echo")
      local inbox = process.inbox()
      while true do process.send(inbox:receive():payload():data(), "pong", "pong") end
    end }`,
  'src/t/slow.lua': 'return { main = function() time.sleep("20s") return true end }',
  // waits for a message nobody sends: with no timeout, nothing is left to run
  'src/t/stuck.lua': 'return { main = function() process.listen("never"):receive() return true end }',
  'src/t/loose.lua': 'return { main = function() return "yes" end }',
};

let dir: string;
beforeAll(() => {
  dir = writeApp(APP);
});

/** `moonforge test ARGS`, its output read as the UTF-8 text it is (the reports are text, not Lua bytes) */
async function mf(...args: string[]) {
  const r = await runMoonforgeCli(['test', ...args]);
  const utf8 = (s: string): string => Buffer.from(s, 'latin1').toString('utf8');
  return { ...r, stdout: utf8(r.stdout), stderr: utf8(r.stderr) };
}

interface JsonTest {
  id: string;
  status: string;
  message?: string;
  traceback?: string;
}

describe('moonforge test', () => {
  it('runs every test, reports each failure with its message and Lua traceback, exit 1', async () => {
    const r = await mf(dir, '--timeout', '300ms', '--jobs', '2');
    expect(r.status).toBe(1);
    expect(showsJsStack(r.stderr)).toBe(false);
    const out = r.stdout;
    expect(out).toContain('Running 9 tests in 4 suites');
    expect(out).toContain('pass ran\n');
    expect(out).toMatch(/ {2}● basic \(5\) 3 failed \d+ms\n {4}✗ falsy\n {4}✗ raise\n {4}✗ second\n/);
    expect(out).toMatch(/ {2}● boot \(1\) 1\/1 /);
    expect(out).toMatch(/ {2}● slow \(2\) 2 failed [\d.]+m?s\n {4}✗ slow \(timed out\)\n {4}✗ stuck \(timed out\)\n/);
    expect(out).toMatch(/ {2}● other \(1\) 1\/1 /);
    // the failure: where the test is defined, the message at the caller's line (error level 2), the traceback
    expect(out).toContain(
      [
        '  app:raise (src/_index.yaml:21)',
        '    src/t/raise.lua:5: sum <is> & wrong: expected truthy value',
        '    stack traceback:',
        "    \tsrc/t/raise.lua:2: in function 'check'",
        "    \tsrc/t/raise.lua:5: in function 'main'",
      ].join('\n'),
    );
    expect(out).toContain('  app:falsy (src/_index.yaml:16)\n    test returned false\n');
    expect(out).toContain('  app:second (src/_index.yaml:26)\n    backend unavailable\n');
    expect(out).toContain('  app:slow (src/_index.yaml:36)\n    timed out after 300ms\n');
    expect(out).toMatch(/\nFAILED {2}4 passed {2}3 failed {2}2 timed out {2}\(9 tests, 4 suites\) [\d.]+m?s\n$/);
  });

  it('--reporter json: the report is all stdout holds; tests in run order; what tests print goes to stderr', async () => {
    const r = await mf(dir, '--reporter', 'json', '--timeout', '300ms', 'app:');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('pass ran\n');
    const doc = JSON.parse(r.stdout) as { summary: unknown; suites: Array<{ name: string; tests: JsonTest[] }> };
    expect(doc.summary).toEqual({ total: 9, passed: 4, failed: 3, timedOut: 2 });
    const statuses = doc.suites.map((s) => [s.name, s.tests.map((t) => `${t.id} ${t.status}`)]);
    expect(statuses).toEqual([
      ['basic', ['app:falsy failed', 'app:pass passed', 'app:quiet passed', 'app:raise failed', 'app:second failed']],
      ['boot', ['app:service passed']],
      ['slow', ['app:slow timeout', 'app:stuck timeout']],
      ['other', ['app:loose passed']],
    ]);
    const raise = doc.suites[0]!.tests[3]!;
    expect(raise.message).toBe('src/t/raise.lua:5: sum <is> & wrong: expected truthy value');
    expect(raise.traceback).toContain("src/t/raise.lua:2: in function 'check'");
  });

  it('--reporter junit --output FILE: well-formed JUnit XML in the file, the console report on stdout', async () => {
    const file = join(dir, 'report.xml');
    const r = await mf(dir, '--reporter', 'junit', '--output', file, '--suite', 'basic');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Running 5 tests in 1 suite');
    expect(r.stdout).toContain(`junit report written to ${file}`);
    const root = parseXml(readFileSync(file, 'utf8'));
    expect(root.attrs).toMatchObject({ tests: '5', failures: '3', errors: '0' });
    const cases = root.children[0]!.children;
    expect(cases.map((c) => `${c.attrs.classname}.${c.attrs.name}`)).toEqual(['app.falsy', 'app.pass', 'app.quiet', 'app.raise', 'app.second']);
    const failure = cases[3]!.children[0]!;
    expect(failure.attrs.message).toBe('src/t/raise.lua:5: sum <is> & wrong: expected truthy value');
    expect(failure.text).toContain("src/t/raise.lua:2: in function 'check'");
  });

  it('selects by glob and by substring; exit 0 when every selected test passed', async () => {
    const r = await mf(dir, '*:pass', 'quiet', 'app:serv', '--reporter', 'json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { suites: Array<{ tests: JsonTest[] }> };
    expect(doc.suites.flatMap((s) => s.tests.map((t) => t.id))).toEqual(['app:pass', 'app:quiet', 'app:service']);
    const named = await mf(dir, '--name', 'loose', '--namespace', 'app');
    expect(named.status).toBe(0);
    expect(named.stdout).toContain('Running 1 test in 1 suite');
    expect(named.stdout).toMatch(/PASSED {2}1 passed {2}\(1 test, 1 suite\)/);
  });

  it('fails a test blocked with nothing left to run as a deadlock when there is no timeout', async () => {
    const r = await mf(dir, '--timeout', '0', '--suite', 'slow', '--name', 'stuck');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('  app:stuck (src/_index.yaml:42)\n    deadlock: the test is blocked and no other work is pending\n');
  });

  it('says so when no test matches, exit 0 (as runner.lua)', async () => {
    const r = await mf(dir, 'nothing-like-this');
    expect(r).toMatchObject({ status: 0, stdout: 'No tests match: nothing-like-this\n' });
  });

  it('exit 2 for bad usage, with the command usage', async () => {
    const r = await mf(dir, '--jobs', '0');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^moonforge test: --jobs must be a whole number of at least 1 \(got '0'\)\nUsage: moonforge test APPDIR/);
    const help = await mf('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: moonforge test APPDIR \[PATTERN\.\.\.\] \[OPTIONS\]\n/);
  });

  it('exit 2 when the app does not load or start, reported as for run', async () => {
    const broken = writeApp({
      'src/_index.yaml': indexYaml(`${test('a', 'suite: s', '    modules: [no_such_module]\n')}`),
      'src/t/a.lua': 'return { main = function() return true end }',
    });
    const r = await mf(broken);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^src\/_index\.yaml:\d+:\d+: error APP0013: app:a: module 'no_such_module' is not available in moonforge/);
    const missing = await mf(join(broken, 'nowhere'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('app folder not found');
  });
});

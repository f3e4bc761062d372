// Booting an app as `wippy run` does (sdk/boot-app.ts): `-x` starts the auto_start process.service entries before
// the root (wippyai/runtime cmd/wippy/cmd/run.go: the loader starts every component and the registry's services,
// then launchExecProcess), and the root's end stops them (service/terminal/host.go OnComplete -> TriggerShutdown).
import { describe, expect, it } from 'vitest';
import { indexYaml, writeApp } from '../support/app-folder.js';
import { runAppInProcess } from '../support/app-in-process.js';
import { runMoonforgeCli } from '../support/moonforge-cli.js';

const proc = (name: string, extra = ''): string =>
  `  - name: ${name}\n    kind: process.lua\n    source: file://${name}.lua\n    method: main\n${extra}`;
const service = (name: string, process: string, extra = ''): string =>
  `  - name: ${name}\n    kind: process.service\n    process: app:${process}\n    host: app:processes\n    lifecycle:\n      auto_start: true\n${extra}`;

describe('run APPDIR -x boots the app first', () => {
  it('starts the auto_start services before the root, which can talk to them; the root ends the program', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(
        proc('kv') + proc('other') + proc('client', '    modules: [time]\n') + service('kv_service', 'kv') +
          // not auto_start: it does not run
          '  - name: idle_service\n    kind: process.service\n    process: app:other\n    host: app:processes\n',
      ),
      'src/kv.lua': `return { main = function()
          process.registry.register("kv")
          local inbox = process.inbox()
          while true do
            local msg = inbox:receive()
            local req = msg:payload():data()
            process.send(req.reply_to, "reply", "got " .. req.key)
          end
        end }`,
      'src/other.lua': 'return { main = function() print("other ran") end }',
      'src/client.lua': `return { main = function()
          local kv = process.registry.lookup("kv")
          process.send(kv, "get", { key = "a", reply_to = process.pid() })
          local msg = process.inbox():receive()
          print(msg:payload():data())
        end }`,
    });
    const r = await runAppInProcess(dir, { exec: 'app:client' });
    expect(r).toMatchObject({ code: 0, stderr: '', lines: ['got a'] });
  });

  it('reports a service that fails while the root runs, and restarts it by its policy', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(
        proc('flaky') + proc('main', '    modules: [time]\n') +
          service('flaky_service', 'flaky', '      restart:\n        initial_delay: 5ms\n        max_attempts: 1\n'),
      ),
      'src/flaky.lua': 'return { main = function() error("flaky broke") end }',
      'src/main.lua': 'return { main = function() time.sleep("100ms") end }',
    });
    const r = await runAppInProcess(dir, { exec: 'app:main' });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/service app:flaky_service \(.*\) failed: .*flaky broke/);
    expect(r.stderr).toContain('restarting service app:flaky_service in 5ms (attempt 1)');
    expect(r.stderr).toContain('service app:flaky_service failed 2 times; not restarting it');
  });
});

// A process.lua entry with lifecycle.auto_start starts at boot on the first process.host, supervised by its own
// lifecycle: Wippy's docs write apps so (wippyai/docs en/tutorials/supervision.md, whose pool "autostarts" under a
// plain `wippy run`; en/system/security.md "Service-Level Security"), though Wippy's Go config for process.lua has no
// lifecycle field (api/runtime/lua/config.go ProcessConfig). sdk/boot-app.ts says why moonforge follows the docs.
describe('a process.lua entry with lifecycle.auto_start', () => {
  const pool = (lifecycle: string): string =>
    proc('pool', `    modules: [time]\n    lifecycle:\n${lifecycle}`) + proc('worker') + proc('main', '    modules: [time]\n');
  const files = {
    'src/pool.lua': `return { main = function()
        process.registry.register("pool")
        local w = process.spawn_linked("app:worker", "app:processes")
        print("pool up")
        process.send(w, "job", 21)
        local inbox = process.inbox()
        local msg = inbox:receive()
        print("pool got " .. tostring(msg:payload():data()))
        time.sleep("1h")
      end }`,
    'src/worker.lua': `return { main = function()
        local msg = process.inbox():receive()
        process.send(msg:from(), "result", msg:payload():data() * 2)
      end }`,
    'src/main.lua': 'return { main = function() time.sleep("50ms"); print("pool is " .. (process.registry.lookup("pool") and "registered" or "missing")) end }',
  };

  it('starts at boot under moonforge run APP, as the supervision tutorial expects', async () => {
    const dir = writeApp({ 'src/_index.yaml': indexYaml(pool('      auto_start: true\n      stop_timeout: 50ms\n')), ...files });
    let stop!: (v: string) => void;
    const signal = new Promise<string>((resolve) => (stop = resolve));
    const running = runAppInProcess(dir, { shutdownSignal: signal });
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop('SIGINT');
    const r = await running;
    expect(r.code).toBe(0);
    expect(r.lines).toEqual(['pool up', 'pool got 42']);
  });

  it('starts before the root of -x, and not at all without auto_start', async () => {
    const started = writeApp({ 'src/_index.yaml': indexYaml(pool('      auto_start: true\n')), ...files });
    expect((await runAppInProcess(started, { exec: 'app:main' })).lines).toEqual(['pool up', 'pool got 42', 'pool is registered']);
    const idle = writeApp({ 'src/_index.yaml': indexYaml(pool('      auto_start: false\n')), ...files });
    expect((await runAppInProcess(idle, { exec: 'app:main' })).lines).toEqual(['pool is missing']);
  });
});

// The exit code of `-x`: wippyai/runtime service/terminal/host.go completionExitCode (numbers: int(f), NaN and
// infinities 1; booleans: true 0, false 1; a string is printed; anything else 0) and api/supervisor/shutdown.go
// setExitCode (outside int32: 1); docs en/tutorials/cli.md "Return from main() to set the exit code".
describe('main returning a value sets the exit code of -x', () => {
  const returning = (expr: string): string => `return { main = function() return ${expr} end }`;
  const cases: Array<[string, number, string[]]> = [
    ['7', 7, []],
    ['0', 0, []],
    ['3.9', 3, []],
    ['-2.5', -2, []],
    ['2^40', 1, []],
    ['0/0', 1, []],
    ['1/0', 1, []],
    ['true', 0, []],
    ['false', 1, []],
    ['nil', 0, []],
    ['{ 5 }', 0, []],
    ['"done: ok"', 0, ['done: ok']],
    ['"12"', 0, ['12']],
  ];
  for (const [expr, code, lines] of cases) {
    it(`return ${expr} -> exit ${code}`, async () => {
      const dir = writeApp({ 'src/_index.yaml': indexYaml(proc('main')), 'src/main.lua': returning(expr) });
      const r = await runAppInProcess(dir, { exec: 'app:main' });
      expect(r).toMatchObject({ code, stderr: '', lines });
    });
  }

  it('an error, or nil and an error, exits 1 whatever else is returned', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(proc('raise') + proc('soft')),
      'src/raise.lua': 'return { main = function() error("boom") end }',
      'src/soft.lua': 'return { main = function() return nil, errors.new("soft fail") end }',
    });
    expect(await runAppInProcess(dir, { exec: 'app:raise' })).toMatchObject({ code: 1, stdout: '' });
    expect(await runAppInProcess(dir, { exec: 'app:soft' })).toMatchObject({ code: 1, stderr: 'soft fail\n' });
  });

  it('through the CLI: the process exit status is the code, kept to its low 8 bits as Go\'s os.Exit is', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(proc('three') + proc('minus') + proc('big') + proc('text')),
      'src/three.lua': returning('3'),
      'src/minus.lua': returning('-1'),
      'src/big.lua': returning('300'),
      'src/text.lua': returning('"all done"'),
    });
    const run = (id: string) => runMoonforgeCli(['run', dir, '-x', id], { env: { MOONFORGE_CACHE: 'off' } });
    const [three, minus, big, text] = await Promise.all(['app:three', 'app:minus', 'app:big', 'app:text'].map(run));
    expect(three).toMatchObject({ status: 3, stdout: '', stderr: '' });
    expect(minus).toMatchObject({ status: 255, stdout: '', stderr: '' });
    expect(big).toMatchObject({ status: 300 & 0xff, stdout: '', stderr: '' });
    expect(text).toMatchObject({ status: 0, stdout: 'all done\n', stderr: '' });
  });
});

// `moonforge run APPDIR` as a real child process: exit codes, the error and Lua traceback on stderr, deadlock
// reports, and service mode stopped by SIGINT/SIGTERM (CANCEL, stop timeout, exit 0).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, removeCli, REPO } from './cli-build.js';
import { indexYaml, writeApp } from '../support/app-folder.js';

let cli = '';
beforeAll(async () => {
  cli = await buildCli();
}, 60_000);
// a test that fails by timing out must not leave its child running
const children = new Set<import('node:child_process').ChildProcess>();
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  removeCli();
});

interface Child {
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** resolves once stdout contains `text` */
  waitFor(text: string): Promise<void>;
  kill(sig: NodeJS.Signals): void;
}

function start(args: string[]): Child {
  const child = spawn(process.execPath, [cli, ...args], { cwd: REPO, env: { ...process.env, MOONFORGE_CACHE: 'off' } });
  children.add(child);
  child.on('close', () => children.delete(child));
  let stdout = '';
  let stderr = '';
  const waiters: Array<[string, () => void]> = [];
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    for (const w of [...waiters]) if (stdout.includes(w[0])) w[1]();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return {
    done,
    waitFor: (text) => (stdout.includes(text) ? Promise.resolve() : new Promise((r) => waiters.push([text, r]))),
    kill: (sig) => child.kill(sig),
  };
}

const proc = (name: string, extra = ''): string =>
  `  - name: ${name}\n    kind: process.lua\n    source: file://${name}.lua\n    method: main\n${extra}`;

describe('moonforge run APPDIR (child process)', () => {
  it('a failing root exits 1 with the error and a Lua traceback on stderr', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(proc('main')),
      'src/main.lua': 'local function inner(t)\n  return t.field.x\nend\n\nreturn { main = function() print("before") inner({}) end }\n',
    });
    const r = await start(['run', dir, '-x', 'app:main']).done;
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toMatch(/^src\/main\.lua:2: attempt to index/);
    expect(r.stderr).toContain('stack traceback:');
    expect(r.stderr).toMatch(/src\/main\.lua:2: in function/);
  });

  it('worker pool crash messages carry the Lua position', async () => {
    const r = await start(['run', 'examples/worker-pool', '-x', 'app:coordinator', '4', '2']).done;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/worker \d crashed \(src\/jobs\.lua:9: poisoned job 4\); restarting it/);
  });

  it('reports a deadlock instead of exiting silently', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(proc('main')),
      'src/main.lua': 'return { main = function() process.inbox():receive() end }',
    });
    const r = await start(['run', dir, '-x', 'app:main']).done;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('deadlock');
  });

  it('the program ends with its root even while another process waits for a line of stdin', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(proc('main', '    modules: [time]\n') + proc('reader', '    modules: [io]\n')),
      'src/main.lua': 'return { main = function() process.spawn("app:reader", "app:processes") time.sleep("50ms") print("root done") end }',
      'src/reader.lua': 'return { main = function() print("reading") print(io.readline()) end }',
    });
    const r = await start(['run', dir, '-x', 'app:main']).done; // stdin stays an open pipe
    expect(r).toMatchObject({ code: 0, stdout: 'reading\nroot done\n', stderr: '' });
  });

  it('service mode: SIGINT cancels every process and exits 0', async () => {
    // the ping-pong example's main, playing forever as an auto_start service
    const example = (f: string): string => readFileSync(join(REPO, 'examples/ping-pong/src', f), 'utf8');
    const dir = writeApp({
      'src/_index.yaml': indexYaml(
        proc('main', '    modules: [time]\n') + proc('pong') +
          '  - name: pinger\n    kind: process.service\n    process: app:main\n    host: app:processes\n    input: [0]\n' +
          '    lifecycle:\n      auto_start: true\n      stop_timeout: 2s\n',
      ),
      'src/main.lua': example('main.lua'),
      'src/pong.lua': example('pong.lua'),
    });
    const c = start(['run', dir]);
    await c.waitFor('round 1: pong 1 from pong');
    c.kill('SIGINT');
    const r = await c.done;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/main: cancelled after \d+ rounds\n$/);
    expect(r.stderr).toBe('');
  }, 20_000);

  it('service mode: SIGTERM terminates what ignores CANCEL after stop_timeout; failed services are restarted', async () => {
    const dir = writeApp({
      'src/_index.yaml': indexYaml(
        proc('stubborn') +
          proc('flaky') +
          '  - name: s1\n    kind: process.service\n    process: app:stubborn\n    host: app:processes\n    input: [7]\n' +
          '    lifecycle:\n      auto_start: true\n      stop_timeout: 300ms\n' +
          '  - name: s2\n    kind: process.service\n    process: app:flaky\n    host: app:processes\n' +
          '    lifecycle:\n      auto_start: true\n      stop_timeout: 300ms\n      restart: { initial_delay: 10ms, max_attempts: 2 }\n',
      ),
      'src/stubborn.lua': 'return { main = function(n) print("stubborn", n) while true do process.inbox():receive() end end }',
      'src/flaky.lua': 'return { main = function() print("flaky") error("flaky fails") end }',
    });
    const c = start(['run', dir]);
    await c.waitFor('stubborn\t7');
    await new Promise((r) => setTimeout(r, 300));
    c.kill('SIGTERM');
    const started = Date.now();
    const r = await c.done;
    expect(r.code).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(r.stdout.match(/flaky/g)).toHaveLength(3);
    expect(r.stderr).toContain('service app:s2');
    expect(r.stderr).toContain('flaky fails');
    expect(r.stderr).toContain('failed 3 times; not restarting it');
    expect(r.stderr).toContain('terminated 1 process(es) still running after 300ms');
    expect(r.stderr).not.toContain('service app:s1');
  }, 20_000);
});

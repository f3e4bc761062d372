// Where a host's `workers:` is not honoured (issue 16, sdk/worker-hosts/one-thread.ts): the embedding API and a
// bundle run the host on one thread and say so with warning APP0019 at its `workers:` line; the host's processes
// still run. `moonforge check` (and the check inside `moonforge build`) builds the runtime without starting workers,
// so it ends (it used to start them and never end them). And when every thread of a host is lost, a spawn on it
// fails with Unavailable, naming the lost thread. Needs dist/ (node esbuild.config.mjs) for the bundle.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createRuntime } from '../../sdk/index.js';
import { checkApp } from '../../sdk/check-app.js';
import { buildApp } from '../../sdk/build/build-app.js';
import { appDir, startUntilReady } from './worker-app.js';


const APP = {
  '_index.yaml': `version: "1.0"
namespace: app
entries:
  - name: pool
    kind: process.host
    workers: 2
  - { name: terminal, kind: terminal.host }
  - { name: main, kind: process.lua, source: file://main.lua, method: main }
  - { name: echo, kind: process.lua, source: file://echo.lua, method: main }
`,
  'main.lua': `
local function main()
  local p = process.spawn("app:echo", "app:pool")
  process.send(p, "ping", 21)
  print("answer", process.inbox():receive():payload():data())
  return 0
end
return { main = main }`,
  'echo.lua': `
local function main()
  local m = process.inbox():receive()
  process.send(m:from(), "pong", m:payload():data() * 2)
end
return { main = main }`,
};

const WARNING = 'src/_index.yaml:6:14: warning APP0019: app:pool: workers: 2 is not honoured by';

describe('workers: where an app runs on one thread', () => {
  it('the embedding API warns at the host and runs its processes on its thread', async () => {
    const out: string[] = [];
    const rt = createRuntime({ write: (s) => out.push(s) });
    const warnings = await rt.loadApp(appDir(APP));
    expect(warnings).toEqual([`${WARNING} the embedding API (createRuntime); this host's processes run on one thread`]);
    const exit = await rt.run('app:main', 'app:terminal');
    expect(exit.error).toBeUndefined();
    expect(out.join('')).toBe('answer\t42\n');
    await rt.shutdown();
  });

  it('moonforge check starts no worker and ends', async () => {
    const t0 = Date.now();
    const report = await checkApp(appDir(APP));
    expect(report.texts).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('moonforge build warns at the host; the bundle runs it on one thread', async () => {
    const dir = appDir(APP);
    const out = join(dir, 'out');
    const result = await buildApp(dir, out);
    expect(result.report.texts).toEqual([`${WARNING} a bundle (moonforge build); this host's processes run on one thread\n    workers: 2\n             ^`]);
    expect(result.written).toBeDefined();
    const run = spawnSync(process.execPath, [join(out, 'app.mjs'), '-x', 'app:main'], { encoding: 'latin1', timeout: 20_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('answer\t42\n');
    expect(run.status).toBe(0);
  }, 30_000);
});

describe('a host whose every worker thread is lost', () => {
  it('refuses a spawn with Unavailable, naming the lost thread; the main thread runs on', async () => {
    const dir = appDir({
      ...APP,
      'main.lua': `
local function main()
  local inbox = process.inbox()
  local a = process.spawn_monitored("app:echo", "app:pool")
  local b = process.spawn_monitored("app:echo", "app:pool")
  print("ready")
  process.events():receive()
  process.events():receive()
  local pid, err = process.spawn("app:echo", "app:pool")
  print(pid, err:kind(), err:message())
  return 0
end
return { main = main }`,
    });
    const { ar, out, exit } = await startUntilReady(dir);
    try {
      await ar.workers!.kill(1);
      await ar.workers!.kill(2);
      const r = await exit;
      expect(r.error).toBeUndefined();
      expect(out.join('').split('\n').filter((l) => l !== '')).toEqual([
        'ready',
        expect.stringMatching(/^nil\tUnavailable\tnode down: app:pool#[12]: worker thread killed$/),
      ]);
    } finally {
      ar.rt.shutdown();
    }
  }, 30_000);
});

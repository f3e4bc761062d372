// Worker-thread hosts (issue 16): a process.host with `workers: 2` runs its processes on two worker threads; the
// Lua code is that of one thread. Ping-pong across threads (main <-> worker, worker <-> worker), spawn_monitored /
// spawn_linked / terminate across them, print output and logger records from workers in order, and a worker killed
// mid-run: the watchers of its processes get EXIT with a "node down" error and the rest keeps running.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runApp } from '../../sdk/run-app.js';
import { createAppRuntime } from '../../sdk/app-runtime.js';
import { bootApp } from '../../sdk/boot-app.js';
import { NodeTimeScheduler } from '../../runtime/process/scheduler.js';
import { loadApp } from '../../runtime/app/load.js';
import type { LogRecord } from '../../runtime/modules/index.js';
import { appDir, startUntilReady } from './worker-app.js';


const INDEX = `
version: "1.0"
namespace: app
entries:
  - name: pool
    kind: process.host
    workers: 2
  - name: terminal
    kind: terminal.host
  - { name: main, kind: process.lua, source: file://main.lua, method: main, modules: [time] }
  - { name: echo, kind: process.lua, source: file://echo.lua, method: main, modules: [logger] }
  - { name: relay, kind: process.lua, source: file://relay.lua, method: main }
  - { name: crash, kind: process.lua, source: file://crash.lua, method: main }
`;

const ECHO = `
local function main()
  local inbox = process.inbox()
  while true do
    local m = inbox:receive()
    if m:topic() == "say" then
      print("echo says " .. m:payload():data())
      logger:info("echo logged", { said = m:payload():data() })
    end
    process.send(m:from(), "pong", m:payload():data())
  end
end
return { main = main }`;

// forwards each message to the next pid and its answer back: worker -> worker traffic
const RELAY = `
local function main(next_pid)
  local inbox = process.inbox()
  while true do
    local m = inbox:receive()
    if m:topic() == "pong" then process.send(m:payload():data().back, "pong", m:payload():data().v)
    else process.send(next_pid, "ping", { back = m:from(), v = m:payload():data() }) end
  end
end
return { main = main }`;

const CRASH = `
local function main(why)
  error(why)
end
return { main = main }`;

const MAIN = `
local function main()
  local a = process.spawn_monitored("app:echo", "app:pool")
  local b = process.spawn_monitored("app:echo", "app:pool")
  local inbox = process.inbox()
  -- order across threads: 50 messages to each, answered in order
  for i = 1, 50 do process.send(a, "ping", i); process.send(b, "ping", 100 + i) end
  local ga, gb = {}, {}
  for _ = 1, 100 do
    local m = inbox:receive()
    if m:from() == a then ga[#ga + 1] = m:payload():data() else gb[#gb + 1] = m:payload():data() end
  end
  print(#ga, ga[1], ga[50], #gb, gb[1], gb[50])
  -- a relay on the pool forwards to b: worker-to-worker (or same worker) and back
  local r = process.spawn("app:relay", "app:pool", b)
  process.send(r, "ping", { x = 7 })
  print("relayed", inbox:receive():payload():data().x)
  -- print from a worker, then the answer: the line is written before main's next one
  process.send(a, "say", "hi")
  inbox:receive()
  print("after say")
  process.set_options({ trap_links = true })
  local c = process.spawn_linked("app:crash", "app:pool", "crashed on a worker")
  local ev = process.events():receive()
  print(ev.kind, ev.from == c, tostring(ev.result.error):find("crashed on a worker") ~= nil)
  process.terminate(a)
  local ex = process.events():receive()
  print(ex.kind, ex.from == a, ex.result.error:message())
  return 0
end
return { main = main }`;

describe('worker-thread hosts (workers: 2)', () => {
  it('runs the pool on two workers: ping-pong in order, relay, output, LINK_DOWN, terminate', async () => {
    const dir = appDir({ '_index.yaml': INDEX, 'main.lua': MAIN, 'echo.lua': ECHO, 'relay.lua': RELAY, 'crash.lua': CRASH });
    const out: string[] = [];
    const err: string[] = [];
    const logs: LogRecord[] = [];
    const code = await runApp(dir, { exec: 'app:main', stdout: (s) => out.push(s), stderr: (s) => err.push(s), log: (r) => logs.push(r) });
    expect(err.join('')).toBe('');
    // the worker's logger record reached the main thread's sink
    expect(logs.map((r) => [r.level, r.message, r.fields, r.entry])).toEqual([['info', 'echo logged', { said: 'hi' }, 'app:echo']]);
    expect(code).toBe(0);
    expect(out.join('').split('\n').filter((l) => l !== '')).toEqual([
      '50\t1\t50\t50\t101\t150',
      'relayed\t7',
      'echo says hi',
      'after say',
      'pid.link.down\ttrue\ttrue',
      'pid.exit\ttrue\tprocess terminated',
    ]);
  }, 30_000);

  it('a worker killed mid-run: EXIT with node down to every watcher of its processes; the others keep answering', async () => {
    const dir = appDir({
      '_index.yaml': INDEX,
      'main.lua': `
local function main()
  local inbox = process.inbox()
  local pids = {}
  for i = 1, 6 do pids[i] = process.spawn_monitored("app:echo", "app:pool") end
  for i = 1, 6 do process.send(pids[i], "ping", i) end
  for _ = 1, 6 do inbox:receive() end
  print("ready")
  local ev = process.events():receive()
  print(ev.kind, ev.result.error:kind(), ev.result.error:message())
  local gone = { [ev.from] = true }
  for _ = 1, 2 do gone[process.events():receive().from] = true end
  local alive = 0
  for i = 1, 6 do
    if not gone[pids[i]] then process.send(pids[i], "ping", i); inbox:receive(); alive = alive + 1 end
  end
  print("answered after the loss", alive)
  -- placement passes over the lost thread
  local fresh = 0
  for i = 1, 4 do
    local p = assert(process.spawn("app:echo", "app:pool"))
    process.send(p, "ping", i)
    inbox:receive()
    fresh = fresh + 1
  end
  print("spawned after the loss", fresh)
  return 0
end
return { main = main }`,
      'echo.lua': ECHO,
      'relay.lua': RELAY,
      'crash.lua': CRASH,
    });
    const { ar, out, exit } = await startUntilReady(dir);
    try {
      await ar.workers!.kill(1);
      const r = await exit;
      expect(r.error).toBeUndefined();
      expect(out.join('').split('\n').filter((l) => l !== '')).toEqual([
        'ready',
        'pid.exit\tUnavailable\tnode down: app:pool#1: worker thread killed',
        'answered after the loss\t3',
        'spawned after the loss\t4',
      ]);
    } finally {
      ar.rt.shutdown();
    }
  }, 30_000);

  it('stopping the app gives the processes on workers a CANCEL and the grace, as on the main thread', async () => {
    const dir = appDir({
      '_index.yaml': `
version: "1.0"
namespace: app
entries:
  - { name: pool, kind: process.host, workers: 2 }
  - { name: polite, kind: process.lua, source: file://polite.lua, method: main }
  - { name: stubborn, kind: process.lua, source: file://stubborn.lua, method: main }
  - { name: polite_service, kind: process.service, process: app:polite, host: app:pool, lifecycle: { auto_start: true } }
  - { name: stubborn_service, kind: process.service, process: app:stubborn, host: app:pool, lifecycle: { auto_start: true } }
`,
      // ends on its CANCEL
      'polite.lua': 'local function main()\n  local ev = process.events():receive()\n  return ev.kind\nend\nreturn { main = main }',
      // never reads its events: terminated after the grace
      'stubborn.lua': 'local function main()\n  process.inbox():receive()\nend\nreturn { main = main }',
    });
    const { app, diagnostics } = await loadApp(dir);
    expect(diagnostics).toEqual([]);
    const time = new NodeTimeScheduler();
    const ar = await createAppRuntime(app, { time, write: () => {} });
    const booted = bootApp(ar, { time });
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    expect(await booted.stop(300)).toBe(1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
  }, 30_000);
});

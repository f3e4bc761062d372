// Remote pids over an in-memory transport (runtime/distrib/remote.ts): two nodes sharing one pid space, node a
// placing spawns on host app:remote on node b. The Lua code is the code of one node: send with per-sender order,
// spawn_monitored / spawn_linked, terminate, exec, registry names, and a lost peer turning into EXIT / LINK_DOWN.
import { describe, expect, it } from 'vitest';
import { makeApp, entry, type TestApp } from '../support/process-harness.js';
import type { ExitResult } from '../../runtime/process/proc.js';
import type { PermissionCheck } from '../../runtime/process/node.js';
import type { ProcessRuntimeOptions } from '../../runtime/process/process-runtime.js';
import { joinPair, LoopbackNet } from './loopback.js';


async function pair(main: string, others: Record<string, string>, checkA?: PermissionCheck, optionsB: Partial<ProcessRuntimeOptions> = {}): Promise<{ net: LoopbackNet; apps: TestApp[]; run: () => ExitResult | undefined; exit: () => ExitResult | undefined }> {
  const modules = ['time', 'ctx', 'security'];
  const entries = Object.fromEntries([['app:main', entry(main, modules)], ...Object.entries(others).map(([k, v]) => [k, entry(v, modules)])]);
  const net = new LoopbackNet();
  const apps: TestApp[] = [];
  for (let i = 0; i < 2; i++) {
    const app = await makeApp(entries, i === 0 ? checkA : undefined, { pidSpace: { threads: 2, index: i }, hosts: new Set(['app:processes', 'app:remote']), ...(i === 1 ? optionsB : {}) });
    joinPair(app.rt.node, net, i as 0 | 1);
    apps.push(app);
  }
  let result: ExitResult | undefined;
  const settle = (): void => {
    for (let k = 0; k < 500; k++) {
      for (const a of apps) a.settle();
      if (net.pump() === 0 && apps.every((a) => a.rt.node.sched.idle)) return;
    }
  };
  return {
    net,
    apps,
    run: () => {
      const p = apps[0]!.rt.spawn('app:main', 'app:processes');
      p.onExit.push((r) => (result = r));
      settle();
      return result;
    },
    exit: () => {
      settle();
      return result;
    },
  };
}

const lines = (app: TestApp): string[] => app.output.join('').split('\n').filter((l) => l !== '');

const ECHO = `
  local inbox = process.inbox()
  while true do
    local m = inbox:receive()
    process.send(m:from(), "pong", m:payload():data())
  end`;

describe('remote pids over a loopback transport', () => {
  it('ping-pong keeps order and values; monitor and terminate across nodes', async () => {
    const t = await pair(
      `
      local w = process.spawn_monitored("app:echo", "app:remote")
      print(string.sub(w, 1, 12))
      process.send(w, "ping", { n = 0, s = "x\\255", nested = { 1, 2, { deep = true } } })
      local m = process.inbox():receive()
      local d = m:payload():data()
      print(m:topic(), m:from() == w, d.n, d.s == "x\\255", d.nested[3].deep)
      for i = 1, 20 do process.send(w, "ping", { n = i }) end
      local got = {}
      for i = 1, 20 do got[i] = process.inbox():receive():payload():data().n end
      print(table.concat(got, ","))
      print("terminate", process.terminate(w))
      local ev = process.events():receive()
      print(ev.kind == process.event.EXIT, ev.from == w, ev.result.error:message())
      return "done"`,
      { 'app:echo': ECHO },
    );
    const r = t.run();
    expect(r?.error).toBeUndefined();
    expect(r?.value).toBe('done');
    expect(lines(t.apps[0]!)).toEqual([
      '{app:remote|',
      'pong\ttrue\t0\ttrue\ttrue',
      Array.from({ length: 20 }, (_, i) => i + 1).join(','),
      'terminate\ttrue',
      'true\ttrue\tprocess terminated',
    ]);
    // the echo ran on b, and nothing is left on either node but stand-ins that are gone too
    expect(t.apps[1]!.rt.node.procs.size).toBe(0);
    expect(t.apps[0]!.rt.node.procs.size).toBe(0);
  });

  it('LINK_DOWN crosses: trapped as an event, untrapped it fails the linked process', async () => {
    const t = await pair(
      `
      process.set_options({ trap_links = true })
      local c = process.spawn_linked("app:crash", "app:remote", "boom")
      local ev = process.events():receive()
      print(ev.kind == process.event.LINK_DOWN, ev.from == c, tostring(ev.result.error):find("boom") ~= nil)
      process.set_options({ trap_links = false })
      process.spawn_linked("app:crash", "app:remote", "again")
      process.inbox():receive()
      print("not reached")`,
      { 'app:crash': 'local why = ...\nerror(why)' },
    );
    const r = t.run();
    expect(lines(t.apps[0]!)).toEqual(['true\ttrue\ttrue']);
    expect(String((r?.error as { message: string }).message)).toBe('linked process failed');
  });

  it('a local process that fails takes down the remote process linked to it', async () => {
    const t = await pair(
      `
      local w = process.spawn_linked("app:waiter", "app:remote")
      process.send(w, "ready", true)
      process.inbox():receive()
      error("main failed")`,
      { 'app:waiter': 'local m = process.inbox():receive()\nprocess.send(m:from(), "ok")\nrequire("time").sleep("10s")' },
    );
    t.run();
    expect(t.apps[1]!.rt.node.procs.size).toBe(0);
  });

  it('exec on a remote host, and a registry name seen from the other node', async () => {
    const t = await pair(
      `
      local v, err = process.exec("app:square", "app:remote", 7)
      print("exec", v, err)
      local s = process.spawn("app:service", "app:remote", process.pid())
      process.inbox():receive()
      print("lookup", process.registry.lookup("svc") == s)
      process.send("svc", "hello", process.pid())
      print(process.inbox():receive():payload():data())`,
      {
        'app:square': 'local n = ...\nreturn n * n',
        'app:service': 'process.registry.register("svc")\nprocess.send((...), "registered")\nlocal m = process.inbox():receive()\nprocess.send(m:payload():data(), "reply", "hi from " .. m:topic())',
      },
    );
    t.run();
    expect(lines(t.apps[0]!)).toEqual(['exec\t49\tnil', 'lookup\ttrue', 'hi from hello']);
  });

  it('a lost peer: every watcher gets EXIT / LINK_DOWN with a node down error; later sends fail', async () => {
    const t = await pair(
      `
      process.set_options({ trap_links = true })
      local w = process.spawn_monitored("app:echo", "app:remote")
      local l = process.spawn_linked("app:echo", "app:remote")
      process.send(w, "ping", 1)
      process.inbox():receive()
      print("ready")
      local ev1 = process.events():receive()
      local ev2 = process.events():receive()
      local kinds = { [ev1.kind] = ev1, [ev2.kind] = ev2 }
      print(kinds[process.event.EXIT].from == w, kinds[process.event.LINK_DOWN].from == l)
      print(kinds[process.event.EXIT].result.error:kind(), kinds[process.event.EXIT].result.error:message())
      print(process.send(w, "ping", 2))
      return "survived"`,
      { 'app:echo': ECHO },
    );
    t.run();
    expect(lines(t.apps[0]!)).toEqual(['ready']);
    t.net.kill('b', 'worker exited with code 1');
    const r = t.exit();
    expect(r?.value).toBe('survived');
    expect(lines(t.apps[0]!).slice(1)).toEqual(['true\ttrue', 'Unavailable\tnode down: b: worker exited with code 1', 'nil\tprocess not found']);
  });

  it('the actor, scope and context travel with a remote spawn', async () => {
    const t = await pair(
      `
      local security = require("security")
      local sp = process.with_context({ k = "v" }):with_actor(security.new_actor("alice", { role = "admin" })):with_scope(security.new_scope())
      sp:spawn("app:who", "app:remote", process.pid())
      local d = process.inbox():receive():payload():data()
      print(d.id, d.role, d.k, d.scoped)`,
      {
        'app:who': `
          local security, ctx = require("security"), require("ctx")
          local a = security.actor()
          process.send((...), "who", { id = a:id(), role = a:meta().role, k = ctx.get("k"), scoped = security.scope() ~= nil })`,
      },
    );
    t.run();
    expect(lines(t.apps[0]!)).toEqual(['alice\tadmin\tv\ttrue']);
  });

  it('permissions are asked on the caller\'s node before anything is sent', async () => {
    const deny: PermissionCheck = (action, resource) => !(action === 'process.spawn' && resource === 'app:echo') && !(action === 'process.send' && resource.startsWith('{app:remote|'));
    const t = await pair(
      `
      local pid, err = process.spawn("app:echo", "app:remote")
      print(pid, err:kind())
      local w = process.spawn("app:other", "app:remote")
      print(process.send(w, "ping", 1))`,
      { 'app:echo': ECHO, 'app:other': ECHO },
      deny,
    );
    t.run();
    const out = lines(t.apps[0]!);
    expect(out[0]).toBe('nil\tPermissionDenied');
    expect(out[1]).toMatch(/^nil\tnot allowed to send: \{app:remote\|0x[0-9a-f]+\}$/);
    expect(out).toHaveLength(2);
    // one spawn frame (app:other) went out; no send frame
    expect(t.net.log.filter((f) => f.from === 'a').map((f) => f.frame.t)).toEqual(['spawn']);
  });

  it("a stand-in's end does not count against a host's max_processes", async () => {
    // b limits app:processes to 1; its stand-in of a's main (a process of a's app:processes) ends with main
    const t = await pair(
      `
      process.spawn_linked("app:watcher", "app:remote", process.pid())
      return "main done"`,
      {
        'app:watcher': `
          local main = ...
          process.set_options({ trap_links = true })
          process.monitor(main)
          process.events():receive()
          local a = process.spawn("app:idle", "app:processes")
          local b, err = process.spawn("app:idle", "app:processes")
          print(a ~= nil, b, err and err:kind())`,
        'app:idle': 'process.inbox():receive()',
      },
      undefined,
      { hostMaxProcesses: new Map([['app:processes', 1]]) },
    );
    t.run();
    expect(lines(t.apps[1]!)).toEqual(['true\tnil\tLimitExceeded']);
  });
});

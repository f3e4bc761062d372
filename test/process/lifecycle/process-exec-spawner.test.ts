// process.exec, process.upgrade, with_context + ctx, the immutable SpawnBuilder, and the name registry
// (Wippy spec §2.1, §2.6, §2.7; tests/app/src/test/process/ctx_inherit.lua, context_passing.lua, registry_*.lua).
import { describe, expect, it } from 'vitest';
import { runBodies } from '../../support/process-harness.js';

describe('process.exec', () => {
  it('returns the child main value, nil + err on failure, nil, nil when nothing is returned (spec §2.6)', async () => {
    const { lines } = await runBodies(
      `
      print(process.exec("app:double", "app:processes", 21))
      local v, err = process.exec("app:fail", "app:processes")
      print(v, err:message())
      v, err = process.exec("app:soft", "app:processes")
      print(v, err:message())
      print(process.exec("app:nothing", "app:processes"))
      v, err = process.exec("app:nope", "app:processes")
      print(v, err:kind())
      v, err = process.exec("noColon", "app:processes")
      print(v, err:kind())
      v, err = process.exec("app:double", "app:nohost", 1)
      print(v, err:kind())
      local ev = process.events()
      local r = channel.select({ ev:case_receive(), default = true })
      print("exec left no EXIT:", r.default == true)
      `,
      {
        'app:double': `local n = ... return n * 2`,
        'app:fail': `error("exec boom", 0)`,
        'app:soft': `return nil, "soft"`,
        'app:nothing': `local x = 1`,
      },
    );
    expect(lines).toEqual(['42\tnil', 'nil\texec boom', 'nil\tsoft', 'nil\tnil', 'nil\tNotFound', 'nil\tInvalid', 'nil\tNotFound', 'exec left no EXIT:\ttrue']);
  });
});

describe('process.upgrade', () => {
  it('keeps the pid and mailbox, runs the new code with the state passed as args (spec §2.7)', async () => {
    const { lines } = await runBodies(
      `
      local c = process.spawn_monitored("app:v1", "app:processes", process.pid())
      local inbox = process.inbox()
      process.send(c, "go", 1)
      local m = inbox:receive()
      print(m:payload():data(), m:from() == c)
      process.send(c, "go", 2)
      m = inbox:receive()
      print(m:payload():data(), m:from() == c)
      local e = process.events():receive()
      print(e.kind, e.from == c, e.result.value)
      `,
      {
        'app:v1': `
          local parent = ...
          local m = process.inbox():receive()
          process.send(parent, "r", "v1 got " .. m:payload():data())
          process.upgrade("app:v2", parent, 100)
          print("not reached")`,
        'app:v2': `
          local parent, state = ...
          local m = process.inbox():receive()
          process.send(parent, "r", "v2 got " .. m:payload():data() .. " state " .. state)
          return "v2 done"`,
      },
    );
    expect(lines).toEqual(['v1 got 1\ttrue', 'v2 got 2 state 100\ttrue', 'pid.exit\ttrue\tv2 done']);
  });

  it('upgrade(nil, state) re-runs the same definition', async () => {
    const { lines } = await runBodies(
      `
      local c = process.spawn_monitored("app:counter", "app:processes", 0)
      local e = process.events():receive()
      print(e.result.value)
      `,
      { 'app:counter': `local n = ... if n < 3 then process.upgrade(nil, n + 1) end return "n=" .. n` },
    );
    expect(lines).toEqual(['n=3']);
  });
});

describe('with_context and ctx', () => {
  it('ctx.get / ctx.all see the spawner context; grandchildren inherit it (ctx_inherit.lua, context_passing.lua)', async () => {
    const { lines } = await runBodies(
      `
      local sp = process.with_context({ request_id = "123", n = 5 })
      sp:spawn("app:child", "app:processes", process.pid())
      local inbox = process.inbox()
      print(inbox:receive():payload():data())
      print(inbox:receive():payload():data())
      local v, err = ctx.get("request_id")
      print(v, err:kind())
      `,
      {
        'app:child': `
          local parent = ...
          local all = ctx.all()
          process.send(parent, "c", ctx.get("request_id") .. " " .. all.n)
          process.spawn("app:grandchild", "app:processes", parent)`,
        'app:grandchild': `local parent = ... process.send(parent, "g", "grand " .. ctx.get("request_id"))`,
      },
    );
    expect(lines).toEqual(['123 5', 'grand 123', 'nil\tNotFound']);
  });
});

describe('context values', () => {
  it('are copies, cycles included: a child changing its table does not change the parent (context_cyclic_table.lua)', async () => {
    const { lines } = await runBodies(
      `
      local root = { name = "root", nested = { value = 42 } }
      root.self = root
      root.nested.parent = root
      local sp = process.with_context({ cyclic = root })
      sp:spawn("app:mut", "app:processes", process.pid())
      print(process.inbox():receive():payload():data(), root.name)
      `,
      {
        'app:mut': `
          local parent = ...
          local c = ctx.get("cyclic")
          c.name = "changed"
          process.send(parent, "r", tostring(c.self == c and c.nested.parent == c) .. " " .. c.nested.value)`,
      },
    );
    expect(lines).toEqual(['true 42\troot']);
  });
});

describe('SpawnBuilder', () => {
  it('is immutable: each method gives a new builder and the old one is unchanged', async () => {
    const { lines } = await runBodies(
      `
      local a = process.with_context({ k = "a" })
      local b = a:with_context({ k = "b", extra = 1 })
      local c = b:with_options({}):with_name("named")
      print(a ~= b, b ~= c, tostring(a))
      a:spawn("app:report", "app:processes", process.pid())
      b:spawn("app:report", "app:processes", process.pid())
      local inbox = process.inbox()
      print(inbox:receive():payload():data())
      print(inbox:receive():payload():data())
      print(process.registry.lookup("named"))
      `,
      { 'app:report': `local parent = ... process.send(parent, "r", ctx.get("k") .. " " .. tostring((ctx.get("extra"))))` },
    );
    expect(lines.slice(0, 3)).toEqual(['true\ttrue\tprocess.Spawner', 'a nil', 'b 1']);
    expect(lines[3]).toMatch(/^nil\t/);
  });

  it('with_name registers the child; with_message queues messages delivered after the spawn; every spawn variant works', async () => {
    const { lines } = await runBodies(
      `
      local sp = process.with_context({}):with_message("hello", "m1"):with_message("hello", "m2", 3)
      local pid = sp:with_name("worker"):spawn("app:greeter", "app:processes", process.pid())
      print(process.registry.lookup("worker") == pid)
      print(process.inbox():receive():payload():data())
      local ev = process.events()
      process.set_options({ trap_links = true })
      sp:spawn_monitored("app:quick", "app:processes")
      print(ev:receive().kind)
      sp:spawn_linked("app:crash", "app:processes")
      print(ev:receive().kind)
      sp:spawn_linked_monitored("app:crash", "app:processes")
      local k1, k2 = ev:receive().kind, ev:receive().kind
      print(k1, k2)
      `,
      {
        'app:greeter': `
          local parent = ...
          local inbox = process.inbox()
          local a, b = inbox:receive(), inbox:receive()
          local pb = b:payload()
          process.send(parent, "r", a:payload():data() .. " " .. pb[1]:data() .. " " .. pb[2]:data() .. " " .. tostring(a:from() == parent))`,
        'app:quick': `return 1`,
        'app:crash': `error("x")`,
      },
    );
    expect(lines.slice(0, 4)).toEqual(['true', 'm1 m2 3 true', 'pid.exit', 'pid.link.down']);
    expect(lines[4]!.split('\t').sort()).toEqual(['pid.exit', 'pid.link.down']);
  });

  it('spawner spawn methods RAISE on failure (unknown entry, taken name), unlike the module functions (spec §2.1)', async () => {
    const { lines } = await runBodies(
      `
      local sp = process.with_context({})
      print(pcall(sp.spawn, sp, "app:nope", "app:processes"))
      process.registry.register("taken")
      local ok, e = pcall(function() return sp:with_name("taken"):spawn_monitored("app:quick", "app:processes") end)
      print(ok, tostring(e):find("name already registered") ~= nil)
      print(pcall(sp.with_message, sp, "@bad"))
      `,
      { 'app:quick': `return 1` },
    );
    expect(lines[0]).toMatch(/^false\t.*app:nope/);
    expect(lines[1]).toBe('false\ttrue');
    expect(lines[2]).toMatch(/^false\t/);
  });
});

describe('SpawnBuilder arguments (context.go)', () => {
  it('with_message copies its payloads when called; nil actor/scope, empty name and @ topics raise', async () => {
    const { lines } = await runBodies(
      `
      local t = { v = 1 }
      local sp = process.with_context({}):with_message("m", t)
      t.v = 2
      sp:spawn("app:echo", "app:processes", process.pid())
      print(process.inbox():receive():payload():data())
      print(pcall(sp.with_actor, sp, nil))
      print(pcall(sp.with_scope, sp, nil))
      print(pcall(sp.with_name, sp, ""))
      print(pcall(sp.with_message, sp, "@x"))
      print(pcall(sp.with_name, {}, "x"))
      `,
      { 'app:echo': `local parent = ... process.send(parent, "r", process.inbox():receive():payload():data().v)` },
    );
    expect(lines[0]).toBe('1');
    expect(lines[1]).toMatch(/^false\t.*actor cannot be nil/);
    expect(lines[2]).toMatch(/^false\t.*scope cannot be nil/);
    expect(lines[3]).toMatch(/^false\t.*name cannot be empty/);
    expect(lines[4]).toMatch(/^false\t.*cannot send to @ topics/);
    expect(lines[5]).toMatch(/^false\t.*Spawner expected/);
  });
});

describe('registry', () => {
  it('register / lookup / unregister; same name twice by the same pid is ok; a taken name is AlreadyExists (registry_basic.lua, registry_resolve.lua)', async () => {
    const { lines } = await runBodies(
      `
      print(process.registry.register("me"))
      print(process.registry.register("me"))
      print(process.registry.lookup("me") == process.pid())
      local c = process.spawn("app:wait", "app:processes")
      local ok, err = process.registry.register("me", c)
      print(ok, err:kind(), err:message(), err:details().existing_pid == process.pid())
      print(process.registry.unregister("me"))
      print(process.registry.unregister("me"))
      local p, err2 = process.registry.lookup("me")
      print(p, err2:kind(), err2:message())
      print(process.registry.register("me", c))
      print(process.registry.lookup("me") == c)
      process.terminate(c)
      print(process.registry.LOCAL, process.registry.CONSISTENT, process.registry.EVENTUAL, process.registry.STRONG)
      `,
      { 'app:wait': `process.inbox():receive()` },
    );
    expect(lines).toEqual([
      'true',
      'true',
      'true',
      'nil\tAlreadyExists\tname already registered\ttrue',
      'true',
      'false',
      'nil\tNotFound\tname not registered',
      'true',
      'true',
      '0\t2\t1\t3', // Wippy's values: LOCAL 0, EVENTUAL 1, CONSISTENT 2, STRONG 3 (api/topology/topology.go)
    ]);
  });

  it('a name is released when its owner exits, before the exit notices go out (registry_auto_release.lua)', async () => {
    const { lines } = await runBodies(
      `
      local c = process.spawn_monitored("app:named", "app:processes")
      time.sleep("1ms")
      print(process.registry.lookup("svc") == c)
      process.send(c, "stop")
      local e = process.events():receive()
      local p, err = process.registry.lookup("svc")
      print(e.kind, p, err:kind())
      print(process.registry.register("svc"))
      `,
      { 'app:named': `process.registry.register("svc") process.inbox():receive()` },
    );
    expect(lines).toEqual(['true', 'pid.exit\tnil\tNotFound', 'true']);
  });
});

// The spawn family, EXIT / LINK_DOWN / CANCEL events, links and trap_links, terminate, cancel, monitor and link
// (Wippy spec §2.1, §2.3, §2.5; wippyai/runtime tests/app/src/test/process/*).
import { describe, expect, it } from 'vitest';
import { entry, runBodies, runMain } from '../../support/process-harness.js';

/** Lua helper: prints the interesting fields of an event. */
const SHOW = `
local function show(ev)
  local r = ev.result
  local e = r and r.error
  print(ev.kind, ev.from, type(ev.at), r and tostring(r.value), e and (type(e) == "string" and e or e:message()), e and type(e) ~= "string" and e:kind() or "-")
end
`;

const WORKERS = {
  'app:ok': `return "fine"`,
  'app:fail': `error("boom")`,
  'app:soft': `return nil, "soft failure"`,
  'app:wait': `process.inbox():receive() return "woken"`,
  'app:args': `local a, b, c = ... process.send(a, "args", b, c) return b`,
};

describe('spawn variants and EXIT', () => {
  it('spawn passes args and gives the pid; spawn_monitored sends EXIT with kind/from/at/result (spawn_monitored.lua, events_exit.lua)', async () => {
    const { lines, exit } = await runBodies(
      `${SHOW}
      local pid = process.spawn("app:args", "app:processes", process.pid(), 5, {x = 1})
      local m = process.inbox():receive()
      local p = m:payload()
      print(type(pid), m:from() == pid, p[1]:data(), p[2]:data().x)
      local ev = process.events()
      local c1 = process.spawn_monitored("app:ok", "app:processes")
      local e1 = ev:receive(); show(e1); print(e1.from == c1, e1.kind == process.event.EXIT)
      process.spawn_monitored("app:fail", "app:processes"); show(ev:receive())
      process.spawn_monitored("app:soft", "app:processes"); show(ev:receive())
      `,
      WORKERS,
    );
    expect(exit?.error).toBeUndefined();
    const pid = /\{app:processes\|0x[0-9a-f]+\}/.source;
    expect(lines[0]).toBe('string\ttrue\t5\t1');
    expect(lines[1]).toMatch(new RegExp(`^pid\\.exit\\t${pid}\\tnumber\\tfine\\tnil\\t-$`));
    expect(lines[2]).toBe('true\ttrue');
    expect(lines[3]).toMatch(/^pid\.exit\t.*\tnumber\tnil\t.*boom\t/);
    expect(lines[4]).toMatch(/^pid\.exit\t.*\tnumber\tnil\tsoft failure\t/);
  });

  it('plain spawn sends no EXIT to the parent; unknown entry or host is nil, NotFound (spawn_basic.lua)', async () => {
    const { lines } = await runBodies(
      `
      local ev = process.events()
      process.spawn("app:ok", "app:processes")
      local r = channel.select({ ev:case_receive(), time.after("50ms"):case_receive() })
      print(r.channel == ev)
      local p, err = process.spawn("app:nope", "app:processes")
      print(p, err:kind())
      p, err = process.spawn_monitored("app:ok", "app:nohost")
      print(p, err:kind())
      p, err = process.spawn()
      print(p, err:kind())
      `,
      WORKERS,
    );
    expect(lines).toEqual(['false', 'nil\tNotFound', 'nil\tNotFound', 'nil\tInvalid']);
  });

  it('spawn_monitored is atomic: a child failing at once still sends EXIT (spec §2.1)', async () => {
    const { lines } = await runBodies(
      `
      local ev = process.events()
      for i = 1, 3 do process.spawn_monitored("app:fail", "app:processes") end
      for i = 1, 3 do print(ev:receive().kind) end
      `,
      WORKERS,
    );
    expect(lines).toEqual(['pid.exit', 'pid.exit', 'pid.exit']);
  });

  it('EXIT after terminate carries "process terminated" (kind Internal)', async () => {
    const { lines } = await runBodies(
      `${SHOW}
      local ev = process.events()
      local c = process.spawn_monitored("app:wait", "app:processes")
      print(process.terminate(c))
      show(ev:receive())
      print(process.send(c, "x"))
      `,
      WORKERS,
    );
    expect(lines[0]).toBe('true');
    expect(lines[1]).toMatch(/^pid\.exit\t.*\tnil\tprocess terminated\tInternal$/);
    expect(lines[2]).toMatch(/^nil\t.*process not found/);
  });
});

describe('links', () => {
  it('with trap_links, LINK_DOWN arrives on an abnormal exit only (link_down.lua, no_link_down_on_normal.lua, trap_links_enabled.lua)', async () => {
    const { lines } = await runBodies(
      `${SHOW}
      print(process.set_options({ trap_links = true }), process.get_options().trap_links)
      local ev = process.events()
      process.spawn_linked("app:ok", "app:processes")
      process.spawn_linked("app:fail", "app:processes")
      local e = ev:receive(); show(e)
      process.spawn_linked("app:soft", "app:processes")
      show(ev:receive())
      local c = process.spawn_linked_monitored("app:ok", "app:processes")
      show(ev:receive())
      local r = channel.select({ ev:case_receive(), time.after("100ms"):case_receive() })
      print("more events:", r.channel == ev)
      `,
      WORKERS,
    );
    expect(lines[0]).toBe('true\ttrue');
    expect(lines[1]).toMatch(/^pid\.link\.down\t.*\tnumber\tnil\t.*boom/);
    expect(lines[2]).toMatch(/^pid\.link\.down\t.*\tnil\tsoft failure\t/);
    expect(lines[3]).toMatch(/^pid\.exit\t.*\tfine\tnil/);
    expect(lines[4]).toBe('more events:\tfalse');
  });

  it('without trap_links a linked failure kills the process with "linked process failed", even if it never read events (trap_links_default.lua)', async () => {
    const { lines } = await runBodies(
      `${SHOW}
      local ev = process.events()
      process.spawn_monitored("app:victim", "app:processes")
      show(ev:receive())
      `,
      { ...WORKERS, 'app:victim': `process.spawn_linked("app:fail", "app:processes") time.sleep("1s") return "survived"` },
    );
    expect(lines[0]).toMatch(/^pid\.exit\t.*\tnil\tlinked process failed\t/);
  });

  it('the failure cascades along a chain of links, and the root sees it (chain_topo.lua, terminate_cascade.lua)', async () => {
    const { lines } = await runBodies(
      `${SHOW}
      process.set_options({ trap_links = true })
      local ev = process.events()
      local head = process.spawn_linked("app:chain", "app:processes", 4)
      show(ev:receive())
      `,
      {
        ...WORKERS,
        'app:chain': `
          local n = ...
          if n == 0 then time.sleep("10ms") error("bottom failed") end
          process.spawn_linked("app:chain", "app:processes", n - 1)
          process.inbox():receive()`,
      },
    );
    expect(lines[0]).toMatch(/^pid\.link\.down\t.*\tlinked process failed\t/);
  });

  it('terminate fires LINK_DOWN at a trapping linked peer; terminating a linked non-trapping peer cascades', async () => {
    const { lines } = await runBodies(
      `${SHOW}
      process.set_options({ trap_links = true })
      local ev = process.events()
      local c = process.spawn_linked("app:wait", "app:processes")
      process.terminate(c)
      show(ev:receive())
      local mid = process.spawn_monitored("app:mid", "app:processes")
      time.sleep("10ms")
      local leaf = process.registry.lookup("leaf")
      process.terminate(leaf)
      show(ev:receive())
      `,
      { ...WORKERS, 'app:mid': `local l = process.spawn_linked("app:wait", "app:processes") process.registry.register("leaf", l) process.inbox():receive()` },
    );
    expect(lines[0]).toMatch(/^pid\.link\.down\t.*\tprocess terminated\tInternal$/);
    expect(lines[1]).toMatch(/^pid\.exit\t.*\tlinked process failed\t/);
  });

  it('link / unlink explicitly; unlinked peers get nothing; linking a dead pid fails (link_explicit.lua, unlink_explicit.lua)', async () => {
    const { lines } = await runBodies(
      `${SHOW}
      process.set_options({ trap_links = true })
      local ev = process.events()
      local a = process.spawn("app:failsoon", "app:processes")
      print(process.link(a))
      print(process.link(a))
      show(ev:receive())
      local b = process.spawn("app:failsoon", "app:processes")
      process.link(b)
      print(process.unlink(b))
      local r = channel.select({ ev:case_receive(), time.after("100ms"):case_receive() })
      print("event:", r.channel == ev)
      local ok, err = process.link(b)
      print(ok, err:kind())
      `,
      { 'app:failsoon': `time.sleep("20ms") error("later")` },
    );
    expect(lines[0]).toBe('true');
    expect(lines[1]).toBe('true');
    expect(lines[2]).toMatch(/^pid\.link\.down\t.*later/);
    expect(lines.slice(3)).toEqual(['true', 'event:\tfalse', 'nil\tNotFound']);
  });
});

describe('monitor', () => {
  it('monitor / unmonitor explicit; dead pid NotFound "pid not registered" with no EXIT; twice AlreadyExists (monitor_explicit.lua, unmonitor_test.lua)', async () => {
    const { lines } = await runBodies(
      `${SHOW}
      local ev = process.events()
      local a = process.spawn("app:waitsoon", "app:processes")
      print(process.monitor(a))
      local ok, err = process.monitor(a)
      print(ok, err:kind() == errors.ALREADY_EXISTS, err:message())
      show(ev:receive())
      ok, err = process.monitor(a)
      print(ok, err:kind(), err:message())
      local b = process.spawn("app:waitsoon", "app:processes")
      process.monitor(b)
      print(process.unmonitor(b))
      local r = channel.select({ ev:case_receive(), time.after("100ms"):case_receive() })
      print("event:", r.channel == ev)
      `,
      { 'app:waitsoon': `time.sleep("20ms") return 42` },
    );
    expect(lines[0]).toBe('true');
    expect(lines[1]).toBe('nil\ttrue\talready monitoring pid');
    expect(lines[2]).toMatch(/^pid\.exit\t.*\t42\tnil/);
    expect(lines.slice(3)).toEqual(['nil\tNotFound\tpid not registered', 'true', 'event:\tfalse']);
  });
});

describe('options', () => {
  it('get_options / set_options: trap_links only, anything else is false, err (options_test.lua)', async () => {
    const { lines } = await runBodies(
      `
      print(process.get_options().trap_links)
      local ok, err = process.set_options({ upgradable = true })
      print(ok, err:message())
      ok, err = process.set_options({ trap_links = "yes" })
      print(ok, err ~= nil)
      print(process.set_options({ trap_links = true }))
      print(process.get_options().trap_links)
      print(process.set_options({ trap_links = false }))
      print(process.get_options().trap_links)
      `,
    );
    expect(lines).toEqual(['false', 'false\toption upgradable is not supported', 'false\ttrue', 'true\tnil', 'true', 'true\tnil', 'false']);
  });
});

describe('terminate and cancel', () => {
  it('terminate ends a process blocked on its inbox, and one spinning in a loop', async () => {
    const { lines } = await runBodies(
      `
      local ev = process.events()
      local a = process.spawn_monitored("app:wait", "app:processes")
      local b = process.spawn_monitored("app:spin", "app:processes", process.pid())
      process.inbox():receive() -- the spinner has started (no virtual time passes while it spins)
      process.terminate(a)
      process.terminate(b)
      local e1, e2 = ev:receive(), ev:receive()
      print(e1.from == a, e2.from == b, e1.result.error:message(), e2.result.error:message())
      `,
      { ...WORKERS, 'app:spin': `process.send((...), "spinning") local n = 0 while true do n = n + 1 end` },
    );
    expect(lines).toEqual(['true\ttrue\tprocess terminated\tprocess terminated']);
  });

  it('a process can terminate itself; its monitor sees the EXIT', async () => {
    const { lines } = await runBodies(
      `
      local ev = process.events()
      process.spawn_monitored("app:selfkill", "app:processes")
      local e = ev:receive()
      print(e.result.error:message())
      `,
      { 'app:selfkill': `process.terminate(process.pid()) print("not reached")` },
    );
    expect(lines).toEqual(['process terminated']);
  });

  it('cancel delivers CANCEL with from and reason; it is advisory, and a normal return after it is a normal exit (events_cancel.lua, cancel_event_payload.lua)', async () => {
    const { lines } = await runBodies(
      `
      process.set_options({ trap_links = true })
      local ev = process.events()
      local c = process.spawn_linked_monitored("app:cancellable", "app:processes", process.pid())
      local ig = process.spawn_monitored("app:ignorer", "app:processes")
      time.sleep("5ms")
      print(process.cancel(c, "stop now"))
      print(process.cancel(ig))
      local m = process.inbox():receive()
      print(m:payload():data())
      local e = ev:receive()
      print(e.kind, e.from == c, e.result.value, e.result.error)
      local r = channel.select({ ev:case_receive(), time.after("50ms"):case_receive() })
      print("ignorer still running:", r.channel ~= ev)
      process.terminate(ig)
      `,
      {
        'app:cancellable': `
          local parent = ...
          local e = process.events():receive()
          process.send(parent, "got", e.kind .. "|" .. tostring(e.from == parent) .. "|" .. e.reason .. "|" .. type(e.at))
          return "cleaned"`,
        'app:ignorer': `process.inbox():receive()`,
      },
    );
    expect(lines).toEqual(['true', 'true', 'pid.cancel|true|stop now|number', 'pid.exit\ttrue\tcleaned\tnil', 'ignorer still running:\ttrue']);
  });

  it('terminate / cancel of a dead or unknown destination is nil, NotFound', async () => {
    const { lines } = await runBodies(
      `
      local c = process.spawn("app:ok", "app:processes")
      time.sleep("5ms")
      local ok, err = process.terminate(c)
      print(ok, err:kind())
      ok, err = process.cancel("ghost")
      print(ok, err:kind())
      `,
      WORKERS,
    );
    expect(lines).toEqual(['nil\tNotFound', 'nil\tNotFound']);
  });
});

describe('exits from coroutines and results', () => {
  it('an error in a coroutine.spawn-ed coroutine fails the whole process; main returning ends the others (spec §2.5)', async () => {
    const { lines } = await runBodies(
      `
      local ev = process.events()
      process.spawn_monitored("app:cofail", "app:processes")
      local e = ev:receive()
      print(e.result.error:message():find("in coroutine") ~= nil, e.result.value)
      process.spawn_monitored("app:coleft", "app:processes", process.pid())
      e = ev:receive()
      print(e.result.value, e.result.error)
      local r = channel.select({ process.inbox():case_receive(), time.after("1s"):case_receive() })
      print("left-over coroutine sent:", r.channel == process.inbox())
      `,
      {
        'app:cofail': `coroutine.spawn(function() error("in coroutine") end) time.sleep("1s") return "not this"`,
        'app:coleft': `
          local parent = ...
          coroutine.spawn(function() time.sleep("100ms") process.send(parent, "late") end)
          return "main done"`,
      },
    );
    expect(lines).toEqual(['true\tnil', 'main done\tnil', 'left-over coroutine sent:\tfalse']);
  });

  it('result.value is a copy of the returned table (spec §2.3)', async () => {
    const { lines } = await runBodies(
      `
      process.spawn_monitored("app:tbl", "app:processes")
      local v = process.events():receive().result.value
      print(v.a, v.nested.b, v.nested.self == v.nested, rawget(v, "ch"))
      `,
      { 'app:tbl': `local t = { a = 1, nested = { b = 2 }, ch = channel.new(0) } t.nested.self = t.nested return t` },
    );
    expect(lines).toEqual(['1\t2\ttrue\tnil']);
  });

  it('copies keep sparse, boolean, float and table keys', async () => {
    const { lines } = await runBodies(`
      local k = { "key" }
      local t = { [10] = "ten", [true] = "yes", [1.5] = "float", [k] = "tkey", [-1] = "neg", "first" }
      local ch = process.listen("c")
      process.send(process.pid(), "c", t, k)
      local got = ch:receive()
      local c, ck = got[1], got[2]
      print(c[10], c[true], c[1.5], c[ck], c[-1], c[1], c[k])
    `);
    expect(lines).toEqual(['ten\tyes\tfloat\ttkey\tneg\tfirst\tnil']);
  });
});

describe('terminate edge cases', () => {
  it('terminating a linked peer without trap_links kills the caller inside the call: no code after it runs', async () => {
    const { lines } = await runBodies(
      `
      local ev = process.events()
      process.spawn_monitored("app:killer", "app:processes")
      local e = ev:receive()
      print(e.result.error:message())
      `,
      {
        'app:killer': `
          local peer = process.spawn_linked("app:idle", "app:processes")
          process.terminate(peer)
          print("after terminate")
          pcall(process.terminate, process.pid())
          print("after pcall terminate")`,
        'app:idle': `process.inbox():receive()`,
      },
    );
    expect(lines).toEqual(['linked process failed']);
  });

  it('pcall(process.terminate, self) ends the process too', async () => {
    const { lines } = await runBodies(
      `
      local ev = process.events()
      process.spawn_monitored("app:selfp", "app:processes")
      print(ev:receive().result.error:message())
      `,
      { 'app:selfp': `pcall(process.terminate, process.pid()) print("after pcall terminate")` },
    );
    expect(lines).toEqual(['process terminated']);
  });

  it('exec: when the caller is terminated first the child keeps running and ends normally (spec §2.6)', async () => {
    const { lines } = await runBodies(
      `
      process.registry.register("main")
      local caller = process.spawn("app:caller", "app:processes")
      time.sleep("5ms")
      process.terminate(caller)
      local m = process.inbox():receive()
      print(m:topic(), m:payload():data())
      `,
      {
        'app:caller': `process.exec("app:slowchild", "app:processes") print("caller resumed")`,
        'app:slowchild': `time.sleep("50ms") process.send("main", "child", "done") return 1`,
      },
    );
    expect(lines).toEqual(['child\tdone']);
  });
});

describe('main entry shapes', () => {
  it('a main ending in tail calls (to a blocking function, to a plain one) gives their results to EXIT', async () => {
    const { lines } = await runBodies(
      `
      local ev = process.events()
      process.spawn_monitored("app:tailblock", "app:processes")
      process.spawn_monitored("app:tailplain", "app:processes")
      local a, b = ev:receive(), ev:receive()
      print(a.result.value, b.result.value)
      `,
      {
        'app:tailblock': `local function wait() time.sleep("5ms") return "slept" end return wait()`,
        'app:tailplain': `return string.upper("plain")`,
      },
    );
    expect(lines.sort()).toEqual(['PLAIN\tslept']);
  });

  it('an entry whose main fails to load (missing method) fails the process, reported in EXIT', async () => {
    const { lines } = await runMain(
      {
        'app:main': entry(`
          process.spawn_monitored("app:nomethod", "app:processes")
          print(process.events():receive().result.error:message())`),
        'app:nomethod': { source: `return { other = function() end }`, method: 'main' },
      },
      'app:main',
    );
    expect(lines).toEqual(['method not found: main']);
  });

  it('a chunk that returns a function runs that function, whatever method: names (wippyai/runtime runtime/lua/engine/process.go: "Script returned function directly"; Wippy\'s env and store tests are written so)', async () => {
    const { lines } = await runMain(
      {
        'app:main': entry(`
          process.spawn_monitored("app:direct", "app:processes", 20)
          print(process.events():receive().result.value)`),
        // it blocks (time.sleep) and loops: it runs as a process's method, able to give way
        'app:direct': { source: `return function(n) local s = 0 for i = 1, n do s = s + i end time.sleep("5ms") return s end`, method: 'main', modules: ['time'] },
      },
      'app:main',
    );
    expect(lines).toEqual(['210']);
  });
});

// process.pid / process.id and process.send: destinations, topics, payload shapes, per-sender order and the deep
// copy of payloads (Wippy spec §2.1, §2.2, §2.4; wippyai/runtime tests/app/src/test/process/*).
import { describe, expect, it } from 'vitest';
import { runBodies } from '../../support/process-harness.js';

describe('process identity', () => {
  it('pid has the {node@host|0xNNNNN} form and differs per process; id() is the entry id (process_pid.lua, process_id.lua)', async () => {
    const { lines, exit } = await runBodies(
      `
      local me = process.pid()
      print(me)
      print(process.id())
      local child = process.spawn("app:child", "app:processes", me)
      local m = process.inbox():receive()
      local p = m:payload():data()
      print(p[1], p[2] == child, p[1] ~= me)
      `,
      { 'app:child': `local parent = ...; process.send(parent, "id", {process.id(), process.pid()})` },
    );
    expect(exit?.error).toBeUndefined();
    expect(lines[0]).toMatch(/^\{app:processes\|0x[0-9a-f]{5,}\}$/);
    expect(lines[1]).toBe('app:main');
    expect(lines[2]).toBe('app:child\ttrue\ttrue');
  });
});

describe('process.send', () => {
  it('sends to a pid and to a registered name (registry_send_to_name.lua)', async () => {
    const { lines } = await runBodies(
      `
      local child = process.spawn("app:echo", "app:processes")
      process.registry.register("main")
      print(process.send(child, "a", 1))
      local inbox = process.inbox()
      print(inbox:receive():payload():data())
      print(process.registry.register("echo", child))
      print(process.send("echo", "b", 2))
      print(inbox:receive():payload():data())
      `,
      { 'app:echo': `local inbox = process.inbox() while true do local m = inbox:receive() process.send("main", "r", m:topic() .. m:payload():data()) end` },
    );
    expect(lines).toEqual(['true', 'a1', 'true', 'true', 'b2']);
  });

  it('a dead pid gives nil, NotFound "process not found"; an unknown name NotFound "could not resolve" (spec §2.4, module.go resolvePID)', async () => {
    const { lines } = await runBodies(
      `
      local child = process.spawn("app:quick", "app:processes")
      time.sleep("10ms")
      local ok, err = process.send(child, "x", 1)
      print(ok, err:kind(), err:message(), err:kind() == errors.NOT_FOUND)
      ok, err = process.send("nobody", "x", 1)
      print(ok, err:kind(), err:message())
      ok, err = process.send(nil, "x")
      print(ok, err:kind())
      `,
      { 'app:quick': `return 1` },
    );
    expect(lines).toEqual(['nil\tNotFound\tprocess not found\ttrue', "nil\tNotFound\tcould not resolve 'nobody' as PID or registered name", 'nil\tInvalid']);
  });

  it("a topic starting with '@' is Invalid and nothing is delivered; a missing topic is Invalid (seed: reserved prefix; module.go send)", async () => {
    const { lines } = await runBodies(
      `
      local me = process.pid()
      local ok, err = process.send(me, "@inbox", 1)
      print(ok, err:kind() == errors.INVALID, err:message())
      ok, err = process.send(me)
      print(ok, err:kind())
      process.send(me, "real", 2)
      print(process.inbox():receive():topic())
      `,
    );
    expect(lines).toEqual(['nil\ttrue\tcannot send to @ topics', 'nil\tInvalid', 'real']);
  });

  it('0, 1 and several payloads arrive as nil, the value, an array (listen) and nil / Payload / array of Payloads (inbox)', async () => {
    const { lines } = await runBodies(
      `
      local me = process.pid()
      local ch = process.listen("t")
      process.send(me, "t")
      print((ch:receive()))
      process.send(me, "t", "one")
      print((ch:receive()))
      process.send(me, "t", 1, "two", true)
      local arr = ch:receive()
      print(type(arr), #arr, arr[1], arr[2], arr[3])
      local inbox = process.inbox()
      process.send(me, "i")
      print(inbox:receive():payload())
      process.send(me, "i", 7)
      print(inbox:receive():payload():data())
      process.send(me, "i", 8, 9)
      local ps = inbox:receive():payload()
      print(#ps, ps[1]:data(), ps[2]:data())
      `,
    );
    expect(lines).toEqual(['nil', 'one', 'table\t3\t1\ttwo\ttrue', 'nil', '7', '2\t8\t9']);
  });

  it('messages from one sender arrive in send order (inbox_ordering.lua)', async () => {
    const { lines } = await runBodies(
      `
      local child = process.spawn("app:sender", "app:processes", process.pid())
      local inbox = process.inbox()
      local got = {}
      for i = 1, 20 do got[#got + 1] = inbox:receive():payload():data() end
      print(table.concat(got, ","))
      `,
      { 'app:sender': `local to = ... for i = 1, 20 do process.send(to, "n", i) end` },
    );
    expect(lines).toEqual([Array.from({ length: 20 }, (_, i) => i + 1).join(',')]);
  });

  it('payloads are deep copies: cycles and metatables kept, channels become nil, functions and errors kept (spec §2.4)', async () => {
    const { lines } = await runBodies(
      `
      local me = process.pid()
      local t = { n = 1, list = {1, 2, 3}, ch = channel.new(1), f = function() return "fn" end, e = errors.new("boom") }
      t.self = t
      setmetatable(t, { __index = function(_, k) return "meta:" .. k end })
      local ch = process.listen("copy")
      process.send(me, "copy", t)
      local c = ch:receive()
      print(c ~= t, c.self == c, c.n, #c.list, c.list ~= t.list, rawget(c, "ch"), c.f(), c.e:message(), c.missing)
      t.n = 2
      t.list[1] = 99
      print(c.n, c.list[1], getmetatable(c) ~= getmetatable(t))
      `,
    );
    expect(lines).toEqual(['true\ttrue\t1\t3\ttrue\tnil\tfn\tboom\tmeta:missing', '1\t1\ttrue']);
  });

  it('spawn arguments are deep copies too (spawn_basic.lua)', async () => {
    const { lines } = await runBodies(
      `
      local t = { v = 1 }
      local pid = process.spawn("app:child", "app:processes", process.pid(), t, channel.new(0), "s")
      t.v = 2
      local m = process.inbox():receive()
      print(m:payload():data())
      `,
      { 'app:child': `local to, t, ch, s = ... t.v = t.v + 10 process.send(to, "r", tostring(t.v) .. " " .. tostring(ch) .. " " .. s)` },
    );
    expect(lines).toEqual(['11 nil s']);
  });
});

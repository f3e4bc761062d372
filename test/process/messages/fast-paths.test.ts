// The shortcuts of the message path (issue 4's performance work) keep the semantics: a Message is its own envelope
// and counts its payloads (none vs one nil), process.send's per-sender target cache never outlives the truth of the
// node's pid map, a spawner's monitor kept without a Set behaves as any monitor, and channel wait queues (circular
// lists, a task being its own waiter) keep FIFO order, skip stale select cases and wake everyone on close.
import { describe, expect, it } from 'vitest';
import { runBodies } from '../../support/process-harness.js';

describe('message path shortcuts', () => {
  it('no payload vs one nil payload; shared tables stay shared within one message; payload() is made once', async () => {
    const { lines } = await runBodies(`
      local me = process.pid()
      local inbox = process.inbox()
      process.send(me, "a")
      process.send(me, "b", nil)
      local m1, m2 = inbox:receive(), inbox:receive()
      print(m1:payload(), tostring(m2:payload()), m2:payload():data(), m2:payload() == m2:payload())
      print(type(m1), tostring(m1), m1:topic(), m1:from() == me)
      local t = {x = 1}
      process.send(me, "c", t, t)
      local ps = inbox:receive():payload()
      print(#ps, ps[1]:data() == ps[2]:data(), ps[1]:data() ~= t, ps[1]:data().x)
      process.send(me, "d", t)
      local got = inbox:receive():payload():data()
      t.x = 2
      print(got ~= t, got.x)
      local ok, err = pcall(m1.topic, 5)
      print(ok, (string.gsub(tostring(err), "^.-: ", "")))
    `);
    expect(lines).toEqual([
      'nil\tpayload{format=lua/any}\tnil\ttrue',
      'userdata\tprocess.Message{topic=a}\ta\ttrue',
      '2\ttrue\ttrue\t1',
      'true\t1',
      "false\tbad argument #1 to 'topic' (message expected)",
    ]);
  });

  it('the per-sender target cache: alternating targets, an equal pid string, a target that died, a fresh process', async () => {
    const { lines } = await runBodies(
      `
      local a = process.spawn("app:sink", "app:processes", "A")
      local b = process.spawn("app:sink", "app:processes", "B")
      print(process.send(a, "x", 1), process.send(b, "x", 2), process.send(a, "x", 3))
      local a2 = string.sub(a .. "!", 1, #a) -- the same pid, another string
      print(a2 == a, process.send(a2, "x", 4))
      process.send(a, "stop")
      time.sleep("10ms")
      local ok, err = process.send(a, "x", 5)
      print(ok, err:message())
      local c = process.spawn("app:sink", "app:processes", "C")
      print(c ~= a, process.send(c, "x", 6), process.send(b, "stop"), process.send(c, "stop"))
      time.sleep("10ms")
      `,
      {
        'app:sink': `
          local name = ...
          local inbox = process.inbox()
          while true do
            local m = inbox:receive()
            if m:topic() == "stop" then return end
            print(name, m:payload():data())
          end`,
      },
    );
    // A runs first (FIFO run queue) and takes 3 and 4 from its backlog before B runs
    expect(lines).toEqual(['true\ttrue\ttrue', 'true\ttrue', 'A\t1', 'A\t3', 'A\t4', 'B\t2', 'nil\tprocess not found', 'true\ttrue\ttrue\ttrue', 'C\t6']);
  });

  it("a spawn_monitored child's monitor: monitor again is AlreadyExists, unmonitor stops EXIT, a second monitor gets EXIT too", async () => {
    const { lines } = await runBodies(
      `
      local events = process.events()
      local function next_event()
        local r = channel.select({ events:case_receive(), time.after("50ms"):case_receive() })
        if r.channel == events then return r.value.kind end
        return "none"
      end
      local c1 = process.spawn_monitored("app:waiter", "app:processes")
      local ok, err = process.monitor(c1)
      print(ok, err:kind(), err:message())
      print(process.unmonitor(c1))
      process.send(c1, "go")
      print(next_event())
      local c2 = process.spawn_monitored("app:waiter", "app:processes")
      process.spawn("app:watcher", "app:processes", c2)
      time.sleep("5ms")
      process.send(c2, "go")
      print(next_event())
      time.sleep("5ms")
      `,
      {
        'app:waiter': `process.inbox():receive()`,
        'app:watcher': `
          local pid = ...
          process.monitor(pid)
          print("watcher", process.events():receive().kind)`,
      },
    );
    // EXIT goes to the monitors in the order they were made: the spawner first
    expect(lines).toEqual(['nil\tAlreadyExists\talready monitoring pid', 'true', 'none', 'pid.exit', 'watcher\tpid.exit']);
  });

  it('channel waiters: FIFO among blocked receivers, stale select cases skipped, close wakes every receiver', async () => {
    const { lines } = await runBodies(`
      local ch = channel.new()
      for i = 1, 3 do
        coroutine.spawn(function() local v = ch:receive() print("r" .. i, v) end)
      end
      time.sleep("1ms")
      ch:send("x") ch:send("y") ch:send("z")
      time.sleep("1ms")
      local other = channel.new()
      coroutine.spawn(function()
        local r = channel.select({ ch:case_receive(), other:case_receive() })
        print("select", r.channel == other, r.value)
      end)
      coroutine.spawn(function() print("plain", ch:receive()) end)
      time.sleep("1ms")
      other:send("o")
      ch:send("after")
      time.sleep("1ms")
      for i = 1, 2 do
        coroutine.spawn(function() print("closed" .. i, ch:receive()) end)
      end
      time.sleep("1ms")
      ch:close()
      time.sleep("1ms")
    `);
    expect(lines).toEqual([
      'r1\tx',
      'r2\ty',
      'r3\tz',
      'select\ttrue\to',
      'plain\tafter\ttrue',
      'closed1\tnil\tfalse',
      'closed2\tnil\tfalse',
    ]);
  });
});

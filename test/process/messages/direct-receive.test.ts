// The direct form of a blocking receive (abi/suspension.ts DirectForm): compiled call sites park with `yield
// PARK` themselves instead of delegating to the twin's iterator. The results must be those of the twin everywhere:
// after a park, at once, on close, through coroutines and pcall, with a terminate while parked.
import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/index.js';
import { runBodies } from '../../support/process-harness.js';

describe('receive: direct form at compiled call sites', () => {
  it('a generator-mode call site tries $y.$d and yields PARK itself', () => {
    const out = compile('return { main = function(ch) while true do local v = ch:receive() if v then return v end end end }', {
      file: 'd.lua',
      chunkName: 'd',
      processMode: true,
    });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.code).toMatch(/\.\$d\) !== undefined/);
    expect(out.code).toMatch(/=== PARK \? \$\d+\.\$r\(yield PARK\)/);
  });

  it('both results after a park, at once, on close while parked, and as the last arguments of a call', async () => {
    const { lines, exit } = await runBodies(`
      local ch = channel.new()
      coroutine.spawn(function()
        time.sleep("1ms")
        ch:send("a")
        time.sleep("1ms")
        ch:send(false)
        time.sleep("1ms")
        ch:close()
      end)
      local v, ok = ch:receive()        -- parks, then "a", true
      print(v, ok)
      print(ch:receive())               -- parks; both results reach print: false, true
      print(ch:receive())               -- closed while parked: nil, false
      print(ch:receive())               -- closed and drained, at once: nil, false
      local b = channel.new(1)
      b:send(7)
      print(b:receive())                -- at once: 7, true
    `);
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['a\ttrue', 'false\ttrue', 'nil\tfalse', 'nil\tfalse', '7\ttrue']);
  });

  it('parks inside a coroutine and inside pcall, and the values come back to the right frames', async () => {
    const { lines, exit } = await runBodies(`
      local ch = channel.new()
      coroutine.spawn(function()
        for i = 1, 4 do time.sleep("1ms") ch:send(i) end
      end)
      local co = coroutine.wrap(function()
        local x = ch:receive()          -- parks the process task from inside the coroutine
        coroutine.yield(x * 10)
        local y, ok = ch:receive()
        return y * 100, ok
      end)
      print(co())
      print(co())
      print(pcall(function() return ch:receive() end))
      local ok, v = pcall(ch.receive, ch) -- the twin through pcall, not the direct form
      print(ok, v)
    `);
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['10', '200\ttrue', 'true\t3\ttrue', 'true\t4']);
  });

  it('a process parked in receive can be terminated; its monitor gets EXIT; messages keep sender order', async () => {
    const { lines, exit } = await runBodies(
      `
      local events = process.events()
      local inbox = process.inbox()
      local w = process.spawn_monitored("app:worker", "app:processes", process.pid())
      for i = 1, 50 do process.send(w, "n", i) end
      local m = inbox:receive()
      print(m:topic(), m:payload():data())
      print(process.terminate(w))
      local ev = events:receive()
      print(ev.kind, ev.from == w, ev.result.error ~= nil)
    `,
      {
        'app:worker': `
          local parent = ...
          local inbox = process.inbox()
          local sum, last = 0, 0
          for i = 1, 50 do
            local n = inbox:receive():payload():data()
            if n ~= last + 1 then error("out of order: " .. n .. " after " .. last) end
            last = n
            sum = sum + n
          end
          process.send(parent, "sum", sum)
          inbox:receive() -- parked here when terminated
          print("not reached")
        `,
      },
    );
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['sum\t1275', 'true', 'pid.exit\ttrue\ttrue']);
  });

  it('a select with a timeout beside a task parked in a direct receive', async () => {
    const { lines, exit } = await runBodies(`
      local a = channel.new()
      local b = channel.new()
      local got = {}
      coroutine.spawn(function() got[#got + 1] = "a:" .. tostring(a:receive()) end)
      local r = channel.select({ b:case_receive(), time.after("5ms"):case_receive() })
      print(r.channel == b, r.ok)
      a:send("x")
      time.sleep("1ms")
      print(got[1])
    `);
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['false\ttrue', 'a:x']);
  });
});

// channel.select and multi-task channel patterns (Wippy spec §3.1, §3.2): first ready case in array order, default,
// result fields, and the patterns of wippyai/runtime tests/app/src/test/channel/{select_basic,select_default,
// select_spawn,fan_in,producer_consumer,distributed_work}.lua, in our own words.
import { describe, expect, it } from 'vitest';
import { runBodies } from '../../support/process-harness.js';

async function run(body: string): Promise<string[]> {
  const { exit, lines } = await runBodies(body);
  expect(exit?.error === undefined ? 'ok' : String((exit.error as { message?: unknown }).message ?? exit.error)).toBe('ok');
  return lines;
}

describe('channel.select', () => {
  it('the first ready case in array order wins, every time', async () => {
    const lines = await run(`
      local a, b, c = channel.new(5), channel.new(5), channel.new(5)
      for i = 1, 3 do a:send("a" .. i) b:send("b" .. i) c:send("c" .. i) end
      local got = {}
      for i = 1, 9 do
        local r = channel.select{ c:case_receive(), b:case_receive(), a:case_receive() }
        got[#got + 1] = r.value
      end
      print(table.concat(got, " "))`);
    expect(lines).toEqual(['c1 c2 c3 b1 b2 b3 a1 a2 a3']);
  });

  it('result table of a receive case: channel, value, ok', async () => {
    const lines = await run(`
      local ch = channel.new(1)
      ch:send("v")
      local r = channel.select{ ch:case_receive() }
      print(r.channel == ch, r.value, r.ok, r.default)`);
    expect(lines).toEqual(['true\tv\ttrue\tnil']);
  });

  it('result of a send case carries the value sent', async () => {
    const lines = await run(`
      local ch = channel.new(1)
      local r = channel.select{ ch:case_send("out") }
      print(r.channel == ch, r.value, r.ok, ch:receive())`);
    expect(lines).toEqual(['true\tout\ttrue\tout\ttrue']);
  });

  it('a closed channel is ready: ok=false, value nil', async () => {
    const lines = await run(`
      local a, b = channel.new(), channel.new()
      b:close()
      local r = channel.select{ a:case_receive(), b:case_receive() }
      print(r.channel == b, r.value, r.ok)`);
    expect(lines).toEqual(['true\tnil\tfalse']);
  });

  it('default=true in the table: {default=true, ok=true} when nothing is ready', async () => {
    const lines = await run(`
      local a = channel.new()
      local r = channel.select{ a:case_receive(), default = true }
      print(r.default, r.ok, r.channel, r.value)
      a = channel.new(1) a:send(1)
      r = channel.select{ a:case_receive(), default = true }
      print(r.default, r.ok, r.value)`);
    expect(lines).toEqual(['true\ttrue\tnil\tnil', 'nil\ttrue\t1']);
  });

  it('select(cases, true) is the same default form', async () => {
    const lines = await run(`
      local full = channel.new(1) full:send("x")
      local r = channel.select({ full:case_send("y") }, true)
      print(r.default, r.ok)
      local r2 = channel.select({ full:case_receive() }, true)
      print(r2.default, r2.value)`);
    expect(lines).toEqual(['true\ttrue', 'nil\tx']);
  });

  it('a blocked select wakes on the channel that becomes ready (spawned sender)', async () => {
    const lines = await run(`
      local ch1, ch2 = channel.new(), channel.new()
      local res = channel.new(1)
      coroutine.spawn(function()
        local r = channel.select{ ch1:case_receive(), ch2:case_receive() }
        res:send({ which = r.channel == ch1 and 1 or r.channel == ch2 and 2 or 0, value = r.value, ok = r.ok })
      end)
      ch2:send("wakeup")
      local r = res:receive()
      print(r.which, r.value, r.ok)`);
    expect(lines).toEqual(['2\twakeup\ttrue']);
  });

  it('a blocked select wakes on close with ok=false', async () => {
    const lines = await run(`
      local ch3, ch4 = channel.new(), channel.new()
      local res = channel.new(1)
      coroutine.spawn(function()
        local r = channel.select{ ch3:case_receive(), ch4:case_receive() }
        res:send({ which = r.channel == ch3 and 3 or 4, ok = r.ok })
      end)
      coroutine.yield()
      ch3:close()
      local r = res:receive()
      print(r.which, r.ok)`);
    expect(lines).toEqual(['3\tfalse']);
  });

  it('a blocked select takes only one case: the other channel keeps its value', async () => {
    const lines = await run(`
      local a, b = channel.new(), channel.new(1)
      local res = channel.new(2)
      coroutine.spawn(function()
        local r = channel.select{ a:case_receive(), b:case_receive() }
        res:send(r.value)
      end)
      coroutine.yield()
      b:send("first")
      print(res:receive())
      -- the select is over: a send on a now has no receiver
      local r = channel.select{ a:case_send("late"), default = true }
      print(r.default)`);
    expect(lines).toEqual(['first\ttrue', 'true']);
  });

  it('a blocked select with a send case completes when a receiver comes', async () => {
    const lines = await run(`
      local out = channel.new()
      local never = channel.new()
      local res = channel.new(1)
      coroutine.spawn(function()
        local r = channel.select{ never:case_receive(), out:case_send("payload") }
        res:send(tostring(r.channel == out) .. " " .. tostring(r.value))
      end)
      coroutine.yield()
      print(out:receive())
      print(res:receive())`);
    expect(lines).toEqual(['payload\ttrue', 'true payload\ttrue']);
  });

  it('a select blocked on a send case raises when that channel is closed', async () => {
    const lines = await run(`
      local out = channel.new()
      local never = channel.new()
      local res = channel.new(1)
      coroutine.spawn(function()
        local ok, err = pcall(channel.select, { never:case_receive(), out:case_send(1) })
        res:send(tostring(ok) .. " " .. tostring(tostring(err):find("closed") ~= nil))
      end)
      coroutine.yield()
      out:close()
      print(res:receive())`);
    expect(lines).toEqual(['false true\ttrue']);
  });

  it('a ready send case on a closed channel raises at once', async () => {
    const lines = await run(`
      local ch = channel.new(1)
      ch:close()
      local ok, err = pcall(channel.select, { ch:case_send(1), default = true })
      print(ok, tostring(err):find("closed") ~= nil)`);
    expect(lines).toEqual(['false\ttrue']);
  });

  it('select in a loop with a fresh time.after each turn: values first, then the timeout', async () => {
    const lines = await run(`
      local time = require("time")
      local ch = channel.new()
      coroutine.spawn(function() for i = 1, 3 do time.sleep("10ms") ch:send(i) end end)
      local got = {}
      while true do
        local r = channel.select{ ch:case_receive(), time.after("50ms"):case_receive() }
        if r.channel ~= ch then break end
        got[#got + 1] = r.value
      end
      print(table.concat(got, ","))`);
    expect(lines).toEqual(['1,2,3']);
  });

  it('select with no cases and no default is an error', async () => {
    const lines = await run(`print(pcall(channel.select, {}))`);
    expect(lines[0]).toMatch(/^false\t.*no cases/);
  });

  it('select rejects a non-case element', async () => {
    const lines = await run(`print((pcall(channel.select, {1, 2})))`);
    expect(lines).toEqual(['false']);
  });
});

describe('channel patterns across tasks', () => {
  it('fan-in: three producers into one channel, all values arrive', async () => {
    const lines = await run(`
      local out = channel.new()
      for p = 1, 3 do
        coroutine.spawn(function()
          for i = 1, 4 do out:send(p * 100 + i) end
        end)
      end
      local sum, n = 0, 0
      for i = 1, 12 do sum = sum + out:receive(); n = n + 1 end
      print(n, sum)`);
    expect(lines).toEqual(['12\t' + String(4 * 600 + 3 * 10)]);
  });

  it('producer/consumer with close ends the consumer loop', async () => {
    const lines = await run(`
      local jobs = channel.new(2)
      local done = channel.new()
      coroutine.spawn(function()
        local total = 0
        while true do
          local v, ok = jobs:receive()
          if not ok then break end
          total = total + v
        end
        done:send(total)
      end)
      for i = 1, 10 do jobs:send(i) end
      jobs:close()
      print(done:receive())`);
    expect(lines).toEqual(['55\ttrue']);
  });

  it('distributed work: workers take jobs from one channel, results gathered', async () => {
    const lines = await run(`
      local jobs, results = channel.new(10), channel.new(10)
      local counts = {}
      for w = 1, 3 do
        counts[w] = 0
        coroutine.spawn(function()
          while true do
            local j, ok = jobs:receive()
            if not ok then return end
            counts[w] = counts[w] + 1
            time.sleep("1ms")
            results:send(j * j)
          end
        end)
      end
      for i = 1, 9 do jobs:send(i) end
      jobs:close()
      local sum = 0
      for i = 1, 9 do sum = sum + results:receive() end
      print(sum, counts[1] + counts[2] + counts[3], counts[1] > 0 and counts[2] > 0 and counts[3] > 0)`);
    expect(lines).toEqual(['285\t9\ttrue']);
  });

  it('select loop over inbox and a channel, until both are done', async () => {
    const lines = await run(`
      local inbox = process.inbox()
      local ch = channel.new()
      coroutine.spawn(function() for i = 1, 2 do ch:send("c" .. i) end ch:close() end)
      process.send(process.pid(), "t", "m1")
      local got, open = {}, true
      while open or #got < 3 do
        local r = channel.select{ ch:case_receive(), inbox:case_receive() }
        if r.channel == inbox then got[#got + 1] = r.value:payload():data()
        elseif r.ok then got[#got + 1] = r.value
        else open = false; ch = channel.new() end
      end
      table.sort(got)
      print(table.concat(got, ","))`);
    expect(lines).toEqual(['c1,c2,m1']);
  });
});

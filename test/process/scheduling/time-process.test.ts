// time in a process, in virtual time (Wippy spec §3.3): sleep, after, timer, ticker, now, duration forms, constants,
// and select with a time.after timeout (wippyai/runtime tests/.../select_timeout). Every check reads the virtual clock.
import { describe, expect, it } from 'vitest';
import { entry, makeApp, runBodies } from '../../support/process-harness.js';

async function run(body: string): Promise<string[]> {
  const { exit, lines } = await runBodies(body);
  expect(exit?.error === undefined ? 'ok' : String((exit.error as { message?: unknown }).message ?? exit.error)).toBe('ok');
  return lines;
}

/** `ms()` prints the virtual clock in milliseconds since the process started. */
const CLOCK = `local time = require("time")
local t0 = time.now()
local function ms() return time.now():sub(t0):milliseconds() end
`;

describe('time.sleep and durations', () => {
  it('sleep advances the virtual clock by the duration: ns number, string, Duration value', async () => {
    const lines = await run(`${CLOCK}
      time.sleep(5 * time.MILLISECOND)
      print(ms())
      time.sleep("10ms")
      print(ms())
      time.sleep(time.parse_duration("1s"))
      print(ms())
      time.sleep("1h30m")
      print(ms())`);
    expect(lines).toEqual(['5', '15', '1015', String(1015 + 90 * 60 * 1000)]);
  });

  it('constants are nanoseconds', async () => {
    const lines = await run(`local time = require("time")
      print(time.NANOSECOND, time.MICROSECOND, time.MILLISECOND, time.SECOND, time.MINUTE, time.HOUR)`);
    expect(lines).toEqual(['1\t1000\t1000000\t1000000000\t60000000000\t3600000000000']);
  });

  it('sleep with a bad duration returns nil, err', async () => {
    const lines = await run(`local time = require("time")
      local r, err = time.sleep("soon")
      print(r, err ~= nil)`);
    expect(lines).toEqual(['nil\ttrue']);
  });

  it('sleeping tasks wake in deadline order; others run meanwhile', async () => {
    const lines = await run(`${CLOCK}
      local done = channel.new(3)
      for _, d in ipairs({30, 10, 20}) do
        coroutine.spawn(function() time.sleep(d * time.MILLISECOND) done:send(d .. "@" .. ms()) end)
      end
      for i = 1, 3 do print((done:receive())) end`);
    expect(lines).toEqual(['10@10', '20@20', '30@30']);
  });

  it('time.now() follows the scheduler clock', async () => {
    const lines = await run(`local time = require("time")
      local a = time.now()
      time.sleep("2s")
      local b = time.now()
      print(b:sub(a):seconds(), b:after(a), a:before(b), b:unix() - a:unix())`);
    expect(lines).toEqual(['2\ttrue\ttrue\t2']);
  });
});

describe('time.after / timer / ticker', () => {
  it('after returns a channel that receives the time once', async () => {
    const lines = await run(`${CLOCK}
      local ch = time.after("50ms")
      local v, ok = ch:receive()
      print(ms(), ok, v:sub(t0):milliseconds())`);
    expect(lines).toEqual(['50\ttrue\t50']);
  });

  it('select with a time.after timeout: the timeout wins when nothing comes', async () => {
    const lines = await run(`${CLOCK}
      local ch = channel.new()
      local r = channel.select{ ch:case_receive(), time.after("100ms"):case_receive() }
      print(r.channel == ch, ms())`);
    expect(lines).toEqual(['false\t100']);
  });

  it('select with a timeout: a value before the deadline wins, and the stale timer does nothing later', async () => {
    const lines = await run(`${CLOCK}
      local ch = channel.new()
      coroutine.spawn(function() time.sleep("30ms") ch:send("data") end)
      local timeout = time.after("100ms")
      local r = channel.select{ ch:case_receive(), timeout:case_receive() }
      print(r.channel == ch, r.value, ms())
      time.sleep("200ms")
      local v = timeout:receive()
      print(ms(), v:sub(t0):milliseconds())`);
    expect(lines).toEqual(['true\tdata\t30', '230\t100']);
  });

  it('timer: response/channel fires once after d', async () => {
    const lines = await run(`${CLOCK}
      local t, err = time.timer("20ms")
      print(err, t:response() == t:channel())
      t:response():receive()
      print(ms())`);
    expect(lines).toEqual(['nil\ttrue', '20']);
  });

  it('timer:stop before firing: true, and nothing arrives', async () => {
    const lines = await run(`${CLOCK}
      local t = time.timer("20ms")
      print(t:stop())
      local r = channel.select{ t:response():case_receive(), time.after("50ms"):case_receive() }
      print(r.channel == t:response(), ms())`);
    expect(lines).toEqual(['true', 'false\t50']);
  });

  it('timer:stop after it fired returns false', async () => {
    const lines = await run(`local time = require("time")
      local t = time.timer("5ms")
      t:response():receive()
      print(t:stop())`);
    expect(lines).toEqual(['false']);
  });

  it('timer:reset moves the deadline', async () => {
    const lines = await run(`${CLOCK}
      local t = time.timer("20ms")
      time.sleep("10ms")
      print(t:reset("50ms"))
      t:channel():receive()
      print(ms())`);
    expect(lines).toEqual(['true', '60']);
  });

  it('timer and ticker reject durations <= 0 with nil, err', async () => {
    const lines = await run(`local time = require("time")
      local t, e1 = time.timer(0)
      local t2, e2 = time.timer("-1s")
      local k, e3 = time.ticker(0)
      print(t, e1 ~= nil, t2, e2 ~= nil, k, e3 ~= nil)`);
    expect(lines).toEqual(['nil\ttrue\tnil\ttrue\tnil\ttrue']);
  });

  it('ticker fires every d until stopped', async () => {
    const lines = await run(`${CLOCK}
      local tk = time.ticker("10ms")
      local at = {}
      for i = 1, 3 do tk:response():receive() at[#at + 1] = ms() end
      tk:stop()
      print(table.concat(at, " "))
      local r = channel.select{ tk:response():case_receive(), time.after("100ms"):case_receive() }
      print(r.channel == tk:response())`);
    expect(lines).toEqual(['10 20 30', 'false']);
  });

  it('a slow ticker receiver misses ticks instead of queueing them (buffer of one)', async () => {
    const lines = await run(`${CLOCK}
      local tk = time.ticker("10ms")
      time.sleep("55ms")
      local v = tk:response():receive()
      local first = v:sub(t0):milliseconds()
      tk:response():receive()
      print(first, ms())
      tk:stop()`);
    expect(lines).toEqual(['10\t60']);
  });
});

describe('tickers nobody reads', () => {
  it('keep no timer running once a tick waits unread (100 tickers of 1 ms, a process blocked on its inbox)', async () => {
    const app = await makeApp({
      'app:main': entry(`local time = require("time")
        local ts = {}
        for i = 1, 100 do ts[i] = time.ticker("1ms") end
        process.inbox():receive()`),
    });
    app.rt.spawn('app:main', 'app:processes', []);
    app.settle(50);
    // each ticker fired once into its buffer and stopped there; before, all 100 rescheduled every millisecond forever
    expect(app.time.actions.length).toBe(0);
    expect(app.rt.node.procs.size).toBe(1);
  });

  it('and a reader that comes back later gets the waiting tick, then the next boundary, as Go ticks', async () => {
    const lines = await run(`${CLOCK}
      local tk = time.ticker("10ms")
      time.sleep("1s")
      local stale = tk:response():receive():sub(t0):milliseconds()
      local fresh = tk:response():receive():sub(t0):milliseconds()
      local r = channel.select{ tk:response():case_receive(), time.after("25ms"):case_receive() }
      print(stale, fresh, ms(), r.channel == tk:response(), r.value:sub(t0):milliseconds())
      print(tk:stop(), tk:stop())`);
    expect(lines).toEqual(['10\t1010\t1020\ttrue\t1020', 'true\tfalse']);
  });
});

describe('coroutine.spawn', () => {
  it('spawned tasks share the process globals and locals', async () => {
    const lines = await run(`
      shared = 0
      local n = 0
      local done = channel.new()
      for i = 1, 3 do coroutine.spawn(function() shared = shared + i; n = n + 1; done:send(true) end) end
      for i = 1, 3 do done:receive() end
      print(shared, n)`);
    expect(lines).toEqual(['6\t3']);
  });

  it('tasks run one at a time: no interleaving inside a step', async () => {
    const lines = await run(`
      local log = {}
      local done = channel.new(2)
      for _, name in ipairs({"a", "b"}) do
        coroutine.spawn(function()
          for i = 1, 3 do log[#log + 1] = name .. i end
          coroutine.yield()
          for i = 4, 5 do log[#log + 1] = name .. i end
          done:send(true)
        end)
      end
      done:receive() done:receive()
      print(table.concat(log, " "))`);
    expect(lines).toEqual(['a1 a2 a3 b1 b2 b3 a4 a5 b4 b5']);
  });

  it('an error in a spawned task fails the whole process', async () => {
    const { exit, lines } = await runBodies(`
      coroutine.spawn(function() error("boom in child") end)
      local time = require("time")
      time.sleep("1s")
      print("not reached")`);
    expect(lines).toEqual([]);
    expect(String((exit?.error as { message?: unknown })?.message ?? exit?.error)).toMatch(/boom in child/);
  });

  it('main returning ends the other tasks', async () => {
    const { exit, lines, app } = await runBodies(`
      local time = require("time")
      coroutine.spawn(function() while true do time.sleep("10ms") print("tick") end end)
      time.sleep("25ms")
      return "main done"`);
    expect(exit?.value).toBe('main done');
    expect(lines).toEqual(['tick', 'tick']);
    expect(app.rt.node.sched.idle).toBe(true);
  });

  it('a spawned task blocked on a channel does not keep the process alive after main returns', async () => {
    const { exit } = await runBodies(`
      local ch = channel.new()
      coroutine.spawn(function() ch:receive() error("should never run") end)
      return 1`);
    expect(exit?.error).toBeUndefined();
    expect(exit?.value).toBe(1);
  });

  it('coroutine.spawn requires a function', async () => {
    const lines = await run(`print(pcall(coroutine.spawn, 1))`);
    expect(lines[0]).toMatch(/^false\t.*function expected/);
  });
});

// Fairness (issue 4): a process that never blocks gives way at its budget (the compiler's back-edge checks in process
// mode, runtime/core/preempt.ts), so other processes keep running and process.terminate can end it.
import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/index.js';
import { BUDGET_SLICE } from '../../../runtime/core/preempt.js';
import { BUSY_ENDED, runBesideBusy, runBodies, sleeperEndsBusy } from '../../support/process-harness.js';


describe('preemption of busy processes', () => {
  it('while true do end gives way and is terminated', async () => {
    expect(await runBesideBusy('while true do end')).toEqual(BUSY_ENDED);
  });

  it('repeat ... until false gives way', async () => {
    expect(await runBesideBusy('local n = 0 repeat n = n + 1 until false')).toEqual(BUSY_ENDED);
  });

  it('a numeric for over a huge range gives way', async () => {
    expect(await runBesideBusy('local s = 0 for i = 1, 1e15 do s = s + i end')).toEqual(BUSY_ENDED);
  });

  it('a generic for with a never-ending iterator gives way', async () => {
    expect(await runBesideBusy('local function it() return 1 end for x in it do end')).toEqual(BUSY_ENDED);
  });

  it('a long computation in nested function calls inside a loop gives way', async () => {
    expect(
      await runBesideBusy(`
        local function leaf(x) return (x * 31 + 7) % 1000003 end
        local function mid(x) local s = 0 for j = 1, 10 do s = s + leaf(x + j) end return s end
        local acc = 0
        while true do acc = (acc + mid(acc)) % 1000003 end`),
    ).toEqual(BUSY_ENDED);
  });

  it('a loop calling through pcall and a metamethod gives way', async () => {
    expect(
      await runBesideBusy(`
        local t = setmetatable({}, { __index = function(_, k) return k end })
        while true do pcall(function() return t.x end) end`),
    ).toEqual(BUSY_ENDED);
  });

  it('a busy loop inside a Lua coroutine gives way too', async () => {
    expect(await runBesideBusy('local co = coroutine.wrap(function() while true do end end) co()')).toEqual(BUSY_ENDED);
  });

  it('a coroutine whose loop outlasts the budget still returns its own values to resume', async () => {
    const { exit, lines } = await runBodies(`
      local co = coroutine.wrap(function() local s = 0 for i = 1, 10000 do s = s + i end coroutine.yield(s) return "end" end)
      print(co())
      print(co())
      local c2 = coroutine.create(function() local s = 0 for i = 1, 10000 do s = s + i end return s end)
      print(coroutine.resume(c2))
      print(coroutine.status(c2))`);
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['50005000', 'end', 'true\t50005000', 'dead']);
  });

  it('a channel wait inside coroutine.resume parks the task, not the coroutine', async () => {
    const { exit, lines } = await runBodies(`
      local time = require("time")
      local ch = channel.new()
      coroutine.spawn(function() time.sleep("5ms") ch:send(7) end)
      local c = coroutine.create(function() local v = ch:receive() coroutine.yield("y" .. v) return "done" end)
      print(coroutine.resume(c))
      print(coroutine.resume(c))`);
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['true\ty7', 'true\tdone']);
  });

  it('two busy processes and a sleeper all make progress', async () => {
    const { exit, lines } = await runBodies(
      `
      local time = require("time")
      local a = process.spawn("app:counter", "app:processes", "a", process.pid())
      local b = process.spawn("app:counter", "app:processes", "b", process.pid())
      time.sleep("5ms")
      local inbox = process.inbox()
      local seen = {}
      -- until both have sent (up to 200 messages): how many one sends in its turn depends on the machine's speed and
      -- on whether it runs as a copy (1 ms turns); a process that never runs still fails it
      for i = 1, 200 do
        local m = inbox:receive() seen[m:topic()] = true
        if seen.a and seen.b then break end
      end
      process.terminate(a) process.terminate(b)
      print(seen.a, seen.b)`,
      {
        'app:counter': `
          local name, parent = ...
          local n = 0
          while true do
            n = n + 1
            if n % 100000 == 0 then process.send(parent, name, n) end
          end`,
      },
    );
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['true\ttrue']);
  });
});

describe('preemption in real time', () => {
  it('a spinning process does not stop timers on the Node scheduler: a sleeper wakes and terminates it', async () => {
    const started = Date.now();
    const { exit, rt } = await sleeperEndsBusy('while true do end');
    expect(exit.error).toBeUndefined();
    expect(exit.value).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(rt.node.procs.size).toBe(0);
  });
});

describe('the compiled check', () => {
  it('process mode puts a budget check on every loop back-edge of a generator twin', () => {
    const src = `
      local function f()
        while true do end
        repeat until false
        for i = 1, 10 do end
        for k in pairs({}) do end
      end
      return f`;
    const out = compile(src, { file: 'x.lua', chunkName: 'x.lua', processMode: true });
    expect(out.ok).toBe(true);
    const checks = out.ok ? out.code.split('--BUDGET.n < 0').length - 1 : 0;
    expect(checks).toBeGreaterThanOrEqual(4);
    const plain = compile(src, { file: 'x.lua', chunkName: 'x.lua' });
    expect(plain.ok && plain.code.includes('--BUDGET.n')).toBe(false);
  });

  it('the slice is a sane number of back-edges', () => {
    expect(BUDGET_SLICE).toBeGreaterThan(100);
    expect(BUDGET_SLICE).toBeLessThan(1_000_000);
  });
});

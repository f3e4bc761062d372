// Calls of known local functions inside a coroutine are made by the coroutine's driver (runtime/core/trampoline.ts):
// the calls are held in an array instead of nested `yield*`. What Lua code sees must not change: results both ways,
// errors thrown into the caller at its call site (pcall around a held call), error positions counted through held
// calls, Lua 5.1's "stack overflow" past 20,000 of them, and, in a process, commands for the scheduler (a channel
// wait, a preemption) leaving from the innermost held call and their answers coming back to it.
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/index.js';
import { outputAndError } from '../support/error-outcome.js';
import { runScriptCli } from '../support/moonforge-cli.js';
import { runReferenceLua } from '../support/reference-lua.js';
import { BUSY_ENDED, linesOf, runBesideBusy } from '../support/process-harness.js';

describe('calls held by a coroutine driver match the reference', () => {
  const CASES: Record<string, string> = {
    'yields from deep recursion, values passed both ways, several results and varargs through held calls': `
      local function tree(d) if d == 0 then return nil end return { l = tree(d - 1), v = d, r = tree(d - 1) } end
      local function walk(n, depth)
        if n then
          local a = walk(n.l, depth + 1)
          local got = coroutine.yield(n.v, depth)
          local b = walk(n.r, depth + 1)
          return (a or 0) + (b or 0) + got
        end
      end
      local co = coroutine.create(function(t) return "sum", walk(t, 1) end)
      local ok, v, d = coroutine.resume(co, tree(4))
      local out = {}
      while coroutine.status(co) == "suspended" do
        out[#out + 1] = v .. "@" .. tostring(d)
        ok, v, d = coroutine.resume(co, v * 10)
      end
      print(table.concat(out, " "))
      print(ok, v, d)
      local function many(n, ...) if n == 0 then return coroutine.yield(...) end return many(n - 1, ...) end
      local function relay(...) local a, b, c = many(3, ...) return c, b, a, select("#", ...) end
      local w = coroutine.wrap(function(...) return relay(...) end)
      print(w(1, nil, 3))
      print(w("x", "y", "z"))`,
    // pcall across a yield is Lua 5.2's: this case is compared with lua5.4
    'errors thrown into the caller at its call site, caught by pcall between held calls (lua5.4)': `
      local function fail(n, how)
        if n == 0 then
          coroutine.yield("about to fail")
          if how == "table" then error({ code = 7 }) end
          error("failed deep")
        end
        local r = fail(n - 1, how)
        return r
      end
      local function guard(how)
        local ok, e = pcall(fail, 5, how)
        coroutine.yield(type(e) == "table" and e.code or e)
        local ok2, e2 = pcall(function() local r = fail(2, how) return r end)
        return ok, ok2, type(e2) == "table" and e2.code or e2
      end
      local co = coroutine.create(function() local a, b, c = guard("s") local d, e, f = guard("table") return a, b, c, d, e, f end)
      for _ = 1, 7 do print(coroutine.resume(co)) end
      local w = coroutine.wrap(function() local r = fail(4) return r end)
      print(w())
      print(pcall(w))
      print(pcall(w))`,
    'error levels count the held calls': `
      local function check(x)
        if x == "pause" then coroutine.yield("paused") end
        if type(x) ~= "number" then error("want a number", 2) end
        return x
      end
      local function user(x) local v = check(x) return v + 1 end
      local function three(x)
        if x == "pause" then coroutine.yield("p") end
        error("three up", 3)
      end
      local function mid(x) local r = three(x) return r end
      local function top(x) local r = mid(x) return r end
      local outer = coroutine.wrap(function()
        local inner = coroutine.create(function(x) local r = user(x) return r end)
        print("inner", coroutine.resume(inner, "a"))
        print("level 3", pcall(top, "q"))
        local r = top("pause")
        return r
      end)
      print(outer())
      print(pcall(outer))
      local co = coroutine.create(function(x) local r = user(x) return r end)
      print(coroutine.resume(co, "pause"))
      print(coroutine.resume(co))`,
    'deep recursion, tail calls, and stack overflow': `
      local function deep(n) if n == 0 then coroutine.yield("bottom") return 0 end local r = deep(n - 1) return r + 1 end
      local co = coroutine.wrap(function() return deep(15000) end)
      print(co())
      print(co())
      local function inf(n) if n < 0 then coroutine.yield(n) end local r = inf(n + 1) return r end
      print(coroutine.resume(coroutine.create(function() local r = inf(1) return r end)))
      local function tailer(n) if n == 0 then return coroutine.yield("t") end return tailer(n - 1) end
      local c2 = coroutine.wrap(function() local a, b = tailer(300) return a, b, "x" end)
      print(c2())
      print(c2(1, 2))`,
  };
  for (const [name, code] of Object.entries(CASES)) {
    it(name, async () => {
      const lua = name.endsWith('(lua5.4)') ? 'lua5.4' : 'lua5.1';
      expect(outputAndError(await runScriptCli(code))).toBe(outputAndError(runReferenceLua(code, { name: 'main.lua', lua })));
    });
  }

  it('the held call is emitted for known local functions in twins only', () => {
    const out = compile('local function f(n) if n > 0 then f(n - 1) end coroutine.yield(n) end f(3)', { file: 'x.lua', chunkName: 'x.lua' });
    if (!out.ok) throw new Error('compile failed');
    expect(out.code).toMatch(/TRAMP\.co !== undefined \? \(yield trCall\(f\$\d+\.\$y\(/);
    expect(out.code).not.toMatch(/trCall\(f\$\d+\(/);
  });
});

describe('commands for the scheduler from held calls', () => {
  it('a channel receive deep inside held calls parks the process, and the value comes back to that call', async () => {
    const lines = await linesOf(`
      local time = require("time")
      local ch = channel.new()
      coroutine.spawn(function() for i = 1, 3 do time.sleep("1ms") ch:send(i) end end)
      local function take(n) if n == 0 then return ch:receive() end local v = take(n - 1) return v * 2 end
      local gen = coroutine.wrap(function() for _ = 1, 3 do coroutine.yield(take(6)) end end)
      print(gen(), gen(), gen())`);
    expect(lines).toEqual(['64\t128\t192']);
  });

  it('an __index handler run as its twin inside a coroutine makes held calls that wait and give way', async () => {
    const lines = await linesOf(`
      local time = require("time")
      local ch = channel.new()
      coroutine.spawn(function() for i = 1, 4 do time.sleep("1ms") ch:send(i) end end)
      local function take(n) if n == 0 then return ch:receive() end local v = take(n - 1) return v + 100 end
      local function spin(n)
        if n == 0 then local s = 0 for i = 1, 200000 do s = s + i end return s end
        local r = spin(n - 1)
        return r
      end
      local t = setmetatable({}, { __index = function(_, k) if k == "spin" then return spin(5) end return take(3) end })
      local gen = coroutine.wrap(function() for _ = 1, 2 do coroutine.yield(t.x) end coroutine.yield(t.spin) end)
      print(gen(), gen(), gen())`);
    expect(lines).toEqual(['301\t302\t20000100000']);
  });

  it('a busy loop deep inside held calls gives way and is terminated', async () => {
    const lines = await runBesideBusy(`
      local function spin(n) if n == 0 then while true do end end local r = spin(n - 1) return r end
      local co = coroutine.wrap(function() return spin(40) end)
      co()`);
    expect(lines).toEqual(BUSY_ENDED);
  });
});

// resume and wrap called from generator code (runtime/core/coroutine.ts resumeY / wrap's twin) finish at once unless
// the coroutine yields a command for the scheduler, which they forward up (and its answer down) as a generator.
import { describe, expect, it } from 'vitest';
import { runBodies } from '../support/process-harness.js';
import { outputAndError } from '../support/error-outcome.js';
import { runScriptCli } from '../support/moonforge-cli.js';
import { referenceLuaOutput, runReferenceLua } from '../support/reference-lua.js';

describe('resume and wrap inside coroutines (generator mode) match lua5.1', () => {
  const CASES: Record<string, string> = {
    'resume from inside a coroutine: yields, returns, errors, dead': `
      local inner = coroutine.create(function(a, b)
        local c = coroutine.yield(a + b, "y")
        if c == "boom" then error("inner failed") end
        return c, "ret"
      end)
      local outer = coroutine.wrap(function()
        print(coroutine.resume(inner, 1, 2))
        print(coroutine.resume(inner, "boom"))
        print(coroutine.resume(inner))
        print(coroutine.resume(coroutine.create(function(...) return select('#', ...), ... end), nil, nil))
        print(select('#', pcall(coroutine.resume, 42)))
        return "outer done"
      end)
      print(outer())`,
    'wrap called from inside a coroutine, errors get the caller position': `
      local gen = coroutine.wrap(function(x) while true do x = coroutine.yield(x, x * 2) end end)
      local bad = coroutine.wrap(function() error("bad thing") end)
      local co = coroutine.create(function()
        print(gen(1)) print(gen(2, 3)) print(gen(4))
        print(pcall(bad))
        print(pcall(bad))
        coroutine.yield("mid")
        return "end"
      end)
      print(coroutine.resume(co))
      print(coroutine.resume(co))
      print(coroutine.resume(co))`,
    'deep chains of coroutines resuming coroutines': `
      local function chain(n)
        if n == 0 then return coroutine.create(function(v) while true do v = coroutine.yield(v + 1) end end) end
        local below = chain(n - 1)
        return coroutine.create(function(v)
          while true do
            local ok, w = coroutine.resume(below, v)
            v = coroutine.yield(w * 2)
          end
        end)
      end
      local top = chain(6)
      for i = 1, 3 do print(coroutine.resume(top, i)) end`,
    'a yield inside __call reached through long chains of calls and tail calls': `
      local t = setmetatable({}, { __call = function(self, n)
        if n == 0 then local v = coroutine.yield("deep") return "done " .. v end
        return self(n - 1)
      end })
      local co = coroutine.wrap(function(n) return t(n) end)
      print(co(1000))
      print(co("x"))
      local function f(n) if n == 0 then return t(3) end return f(n - 1) end
      local co2 = coroutine.create(f)
      print(coroutine.resume(co2, 500))
      print(coroutine.resume(co2, "y"))`,
  };
  for (const [name, code] of Object.entries(CASES)) {
    it(name, async () => {
      expect(outputAndError(await runScriptCli(code))).toBe(outputAndError(runReferenceLua(code, { name: 'main.lua' })));
    });
  }
});

describe('commands for the scheduler travel through resume and wrap twins', () => {
  it('a channel receive inside a wrapped coroutine parks the process, then the values come back', async () => {
    const { exit, lines } = await runBodies(`
      local time = require("time")
      local ch = channel.new()
      coroutine.spawn(function() for i = 1, 3 do time.sleep("2ms") ch:send(i * 10) end end)
      local gen = coroutine.wrap(function() while true do coroutine.yield(ch:receive() + 1) end end)
      local inner = coroutine.create(function() time.sleep("1ms") local v = ch:receive() return "got", v end)
      print(gen(), gen())
      print(coroutine.resume(inner))
      print(coroutine.status(inner))`);
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['11\t21', 'true\tgot\t30', 'dead']);
  });

  it('an error after a forwarded wait is caught by the resumer', async () => {
    const { exit, lines } = await runBodies(`
      local time = require("time")
      local co = coroutine.create(function() time.sleep("1ms") error("late", 0) end)
      print(coroutine.resume(co))
      local w = coroutine.wrap(function() time.sleep("1ms") error("wrapped late", 0) end)
      print(pcall(w))`);
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['false\tlate', 'false\twrapped late']);
  });
});


describe('callable tables in generator mode', () => {
  it('pcall of a callable table inside a coroutine can yield, as pcall of a function can (lua5.4 gives the same)', async () => {
    const code = `
      local t = setmetatable({}, { __call = function(self, x) local v = coroutine.yield(x) return v * 2 end })
      local co = coroutine.wrap(function() return pcall(t, 21) end)
      print(co())
      print(co(5))`;
    expect(outputAndError(await runScriptCli(code))).toBe(referenceLuaOutput(code, { lua: 'lua5.4' }));
  });
});

// The coroutine drivers step generators with %GeneratorPrototype%.next itself (runtime/core/generator-next.ts), so
// the bodies must be real generators: many different bodies in one program (the drivers' sites see a twin per body)
// behave as the reference, and a body whose twin is not a generator function (a built-in's that may answer at once)
// runs under one that delegates to it.
import { describe, expect, it } from 'vitest';
import { outputAndError } from '../support/error-outcome.js';
import { runScriptCli } from '../support/moonforge-cli.js';
import { runReferenceLua } from '../support/reference-lua.js';

describe('coroutine bodies stepped with %GeneratorPrototype%.next', () => {
  it('many different bodies, interleaved, with held calls and errors, match lua5.1', async () => {
    const code = `
      local function deep(n, v) if n == 0 then return coroutine.yield(v) end local r = deep(n - 1, v) return r end
      local bodies = {
        function(a) local b = coroutine.yield(a + 1) return b * 2 end,
        function(a) for i = 1, 3 do a = coroutine.yield(a .. i) end return "done" end,
        function(a) local r = deep(4, a) return r, "deep" end,
        function() error("boom") end,
        function(a) local ok, e = pcall(error, { a }) coroutine.yield(type(e)) return ok end,
        function(...) return select("#", ...), ... end,
        function(a) return coroutine.wrap(function() coroutine.yield(a) end)() end,
        function(a) local t = setmetatable({}, { __index = function(_, k) return k .. a end }) coroutine.yield(t.x) return t.y end,
      }
      local cos = {}
      for round = 1, 3 do
        for i, f in ipairs(bodies) do cos[#cos + 1] = { i, coroutine.create(f) } end
      end
      for step = 1, 5 do
        for _, c in ipairs(cos) do
          if coroutine.status(c[2]) ~= "dead" then print(c[1], step, coroutine.resume(c[2], step)) end
        end
      end
      local gens = {}
      for i = 1, 6 do gens[i] = coroutine.wrap(function(n) for k = 1, n do coroutine.yield(i * k) end end) end
      local out = {}
      for k = 1, 3 do for i = 1, 6 do out[#out + 1] = gens[i](3) end end
      print(table.concat(out, " "))`;
    expect(outputAndError(await runScriptCli(code))).toBe(outputAndError(runReferenceLua(code, { name: 'main.lua' })));
  });

  it('a body whose twin is not a generator function runs under a delegating generator', async () => {
    // Lua 5.1 accepts only Lua functions as bodies; moonforge accepts built-ins too, and keeps them working.
    const code = `
      local w = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end)
      local co = coroutine.create(w)
      print(coroutine.resume(co, 1))
      print(coroutine.status(co))
      local inner = coroutine.create(function(x) coroutine.yield(x) end)
      print(coroutine.resume(coroutine.create(coroutine.resume), inner, 7))
      local p = coroutine.create(pcall)
      print(coroutine.resume(p, function(x) local y = coroutine.yield(x) error("e" .. y, 0) end, 3))
      print(coroutine.resume(p, "z"))
      print(coroutine.resume(coroutine.create(tostring), 12))`;
    expect(outputAndError(await runScriptCli(code))).toBe(
      outputAndError({ stdout: 'true\t2\ndead\ntrue\ttrue\t7\ntrue\t3\ntrue\tfalse\tez\ntrue\t12\n', stderr: '', status: 0 }),
    );
  });
});

// Values crossing resume/yield (runtime/core/coroutine.ts: one reused transfer array with its own count): counts that
// change from one resume to the next, nils, no values, more values than the last time, compared with lua5.1.
import { describe, expect, it } from 'vitest';
import { outputAndError } from '../support/error-outcome.js';
import { runScriptCli } from '../support/moonforge-cli.js';
import { runReferenceLua } from '../support/reference-lua.js';

const CASES: Record<string, string> = {
  'alternating argument counts through resume and yield': `
    local co = coroutine.create(function(...)
      print("start", select('#', ...), ...)
      local n = 0
      while true do
        n = n + 1
        print("got", n, select('#', coroutine.yield(n)), coroutine.yield(n))
      end
    end)
    print(coroutine.resume(co, 1, 2, 3))
    print(coroutine.resume(co))
    print(coroutine.resume(co, "a"))
    print(coroutine.resume(co, nil, nil))
    print(coroutine.resume(co, "x", "y", "z", "w"))
    print(coroutine.resume(co))
    print(coroutine.resume(co, false))`,
  'a shorter resume after a longer one sees only its own values': `
    local co = coroutine.wrap(function(a, b, c)
      print(a, b, c)
      print(select('#', coroutine.yield()), coroutine.yield())
      print(coroutine.yield())
      return "done"
    end)
    co(1, 2, 3)
    co(4, 5, 6, 7)
    co()
    print(co(8))`,
  'the body receives the first resume as parameters and varargs': `
    local function body(a, b, ...) print(a, b, select('#', ...), ...) return select('#', ...) end
    for _, args in ipairs({ {}, {1}, {1, 2}, {1, 2, 3}, {1, 2, 3, 4, 5} }) do
      print(coroutine.resume(coroutine.create(body), unpack(args)))
    end
    print(coroutine.resume(coroutine.create(function(...) return ... end), nil, 2, nil))`,
  'wrap generators pass values in both directions': `
    local gen = coroutine.wrap(function(x)
      while x do x = coroutine.yield(x * 2, x + 1) end
      return "end"
    end)
    print(gen(1)) print(gen(5)) print(gen(7, 8, 9)) print(gen())`,
  'a tail-called yield and a yield of the resume values': `
    local co = coroutine.create(function()
      print(coroutine.yield(1, 2))
      local function f(...) return coroutine.yield(...) end
      print(f("a", "b"))
      return coroutine.yield()
    end)
    print(coroutine.resume(co))
    print(coroutine.resume(co, "p", "q", "r"))
    print(coroutine.resume(co, "s"))
    print(coroutine.resume(co, 1, nil, 3))
    print(coroutine.status(co))`,
  'nested coroutines resume each other with different counts': `
    local inner = coroutine.create(function(...)
      local t = { ... }
      while true do t = { coroutine.yield(#t, unpack(t)) } end
    end)
    local outer = coroutine.wrap(function()
      for i = 1, 4 do
        local args = {}
        for j = 1, i do args[j] = j * 10 end
        coroutine.yield(coroutine.resume(inner, unpack(args)))
      end
    end)
    for _ = 1, 4 do print(outer()) end`,
  'errors and dead coroutines after transfers': `
    local co = coroutine.create(function(a) local b = coroutine.yield(a) error("bad " .. tostring(b), 0) end)
    print(coroutine.resume(co, 1, 2, 3))
    print(coroutine.resume(co, "x", "y"))
    print(coroutine.resume(co, "z"))
    local w = coroutine.wrap(function() return 1 end)
    print(w(1, 2, 3))
    print(pcall(w))`,
};

describe('coroutine value transfer matches lua5.1', () => {
  for (const [name, code] of Object.entries(CASES)) {
    it(name, async () => {
      expect(outputAndError(await runScriptCli(code))).toBe(outputAndError(runReferenceLua(code, { name: 'main.lua' })));
    });
  }
});

// Differential checks (lua5.1 vs moonforge) of the programs whose compiled code takes the performance fast paths:
// trailing calls in table constructors and arguments, shared generator twins, method and coroutine shortcuts.
import { describe, expect, it } from 'vitest';
import { runScriptCli } from '../support/moonforge-cli.js';
import { referenceLuaOutput } from '../support/reference-lua.js';

async function both(name: string, code: string): Promise<{ lua: string; mf: string }> {
  // goto is not Lua 5.1: those programs (integers only) are checked against lua5.4.
  const lua = referenceLuaOutput(code, { name: `${name}.lua`, lua: code.includes('goto') ? 'lua5.4' : 'lua5.1' });
  const r = await runScriptCli(code, { name: `${name}.lua` });
  return { lua, mf: r.stdout + r.stderr };
}

const CASES: Record<string, string> = {
  trailing_call_results: `
    local function none() end
    local function one() return 1 end
    local function two() return 1, 2 end
    local function nilnil() return nil, nil end
    local function count(...) return select('#', ...) end
    for _, f in ipairs({none, one, two, nilnil}) do
      local t = {f()}
      local u = {0, f()}
      print(#t, #u, count(f()), count(0, f()), count((f())), u[1], u[2], u[3])
      print(select('#', f()), select('#', 'a', f()))
    end
    local order = {}
    local function mark(x) order[#order + 1] = x; return x end
    local t = {mark(1), mark(2), mark(3)}
    print(table.concat(order, ','), t[1], t[2], t[3])
    print(string.format('%s %s', 'a', two()))
    print(pcall(error))
    print((string.gsub('abc', 'b', 'x')))
  `,
  twin_per_iteration: `
    local yield = coroutine.yield
    local fs = {}
    for i = 1, 3 do
      local j = i * 10
      fs[i] = coroutine.wrap(function() yield(i); yield(j); local function inner() yield(i + j) end; inner() end)
    end
    local out = {}
    for k = 1, 3 do for i = 1, 3 do out[#out + 1] = tostring(fs[i]()) end end
    print(table.concat(out, ' '))
    local k = 0
    local gs = {}
    while k < 3 do
      k = k + 1
      local v = k
      gs[k] = coroutine.create(function(a) local b = yield(a + v); return b * v end)
    end
    for i = 1, 3 do print(coroutine.resume(gs[i], i)) print(coroutine.resume(gs[i], 2)) end
    local shared = 0
    local made = {}
    for i = 1, 3 do
      made[i] = coroutine.wrap(function() shared = shared + 1; yield(shared); return shared * 100 end)
    end
    print(made[1](), made[2](), made[3](), made[1](), made[2](), made[3](), made[1] == made[2])
    local function outer(n)
      local cos = {}
      for i = 1, n do
        cos[i] = coroutine.wrap(function() local x = n; yield(x + i); yield(function() return i end) end)
      end
      return cos
    end
    local cs = outer(2)
    print(cs[1](), cs[2](), cs[1]()(), cs[2]()())
  `,
  twin_with_goto: `
    local yield = coroutine.yield
    local list = {}
    local i = 1
    ::top::
    do
      local v = i
      list[i] = coroutine.wrap(function() yield(v); yield(v * 2) end)
    end
    i = i + 1
    if i <= 3 then goto top end
    for n = 1, 3 do print(list[n](), list[n]()) end
  `,
  method_and_field_shortcuts: `
    local Base = {}
    Base.__index = Base
    function Base:who() return 'base' end
    local Mid = setmetatable({}, { __index = Base })
    Mid.__index = Mid
    function Mid:name() return 'mid' end
    local o = setmetatable({}, Mid)
    print(o:name(), o:who(), o.missing)
    local viaFn = setmetatable({}, { __index = function(t, k) return function() return 'fn ' .. k end end })
    print(viaFn:anything())
    local own = setmetatable({ name = function() return 'own' end }, Mid)
    print(own:name())
    function Base:name() return 'base name' end
    print(o:name())
    Mid.name = nil
    print(o:name())
    local log = {}
    local guarded = setmetatable({}, { __newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end })
    guarded.a = 1; guarded.a = 2; guarded.b = nil
    print(table.concat(log, ','), guarded.a)
    local s = 'abc'
    print(s:upper(), ('x'):rep(3), #s)
    print((pcall(function() local n = nil; return n:foo() end)))
    local t = { 10, 20, 30, x = 1 }
    t['1'] = 'str'
    local keys = { 1, '1', 2.5, 'x', true, 3, 4 }
    local got = {}
    for _, k in ipairs(keys) do got[#got + 1] = tostring(t[k]) end
    print(table.concat(got, ' '))
    local m = 3
    print(5 % 3, -5 % 3, 5 % -3, -5 % -3, 5.5 % 2, -0.0 % 7, 5 % m, -5 % m, 5 % -m, -5.5 % m)
    print(#t, #'')
    local grow = {}
    for i = 1, 5 do grow[#grow + 1] = i * i end
    grow[7] = 49
    grow[6] = 36
    print(#grow, grow[7], select('#', unpack(grow)))
  `,
};

describe('fast paths agree with lua5.1', () => {
  for (const [name, code] of Object.entries(CASES)) {
    it(name, async () => {
      const { lua, mf } = await both(name, code);
      expect(mf).toBe(lua);
    });
  }
});

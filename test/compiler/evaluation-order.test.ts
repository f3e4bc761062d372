// Evaluation order of a local that a closure assigns (found by the differential fuzzer, test/fuzz/): Lua 5.1 reads
// such a local at its turn in a list it evaluates into registers (call arguments, the callee, a method's receiver,
// table constructor items, concat operands), so a call later in the list that assigns it does not change what was
// passed; binary and comparison operators read a local of the running function when they execute, after both
// operands, but an upvalue before the right operand. lua5.1 is the reference (PUC MOVEs the local into the list's
// next register, GETUPVALs an upvalue operand first, and ADD/LT take a local as a register operand).
import { describe, expect, it } from 'vitest';
import { referenceLuaOutput } from '../support/reference-lua.js';
import { runScriptBatch } from '../support/script-batch.js';

const CASES: Record<string, string> = {
  'call arguments': `
    local s = "a"
    local function f() s = s .. "b" return 1 end
    local function g(...) return ... end
    print(g(s, f()))
    print(g(s, (f())))
    print(g(s, string.sub(s, f())))
    print(select("#", g(s, nil, string.sub("xy", f()))), g(s, string.sub("xy", f())))`,
  'table constructors, positional and mixed': `
    local u = "u0"
    local function w() u = u .. "!" return "w" end
    local t1 = {u, w()}
    local t2 = {u, x = w()}
    local t3 = {x = w(), u, w()}
    local t4 = {u, w(), u}
    print(t1[1], t2[1], t2.x, t3[1], t3[2], t4[1], t4[3], u)`,
  'concat operands': `
    local u = "u"
    local function w() u = u .. "!" return "w" end
    print(u .. w() .. u)
    print(u .. (w() .. u))`,
  'the callee and a method receiver': `
    local fn = function(x) return "old", x end
    local function swap() fn = function(x) return "new", x end return 1 end
    print(fn(swap()))
    print(fn(swap()))
    local o = {m = function(self, x) return self.v, x end, v = "first"}
    local function h() o = {m = o.m, v = "second"} return 5 end
    print(o:m(h()))
    print(o:m(h()))`,
  'binary operators read the local after both operands': `
    local n = 1
    local function f() n = n + 10 return 1 end
    print(n + f(), n < f(), n == f(), -n + f())
    local s = 0
    local fns = {}
    for i = 1, 3 do fns[i] = function() s = s + i return s end end
    print(s, fns[1](), s, fns[2](), s + fns[3]())`,
  'an upvalue left operand is read before the right operand runs (GETUPVAL), a local of the function after': `
    local n1, n2 = 3, -2
    local function swap() n1, n2 = n2, n1 return 10 end
    local function inner()
      local here = n2
      local function bump() here = here + 100 return 1 end
      return n2 + swap(), n2 * swap(), n2 < swap(), n2 == swap(), here + bump(), n2 + 1
    end
    print(inner())
    local t = {}
    local mt = {__index = function() n2 = n2 + 1000 return 5 end}
    setmetatable(t, mt)
    local function g() return n2 + t.x, n2 - 1 end
    print(g())`,
  'a local assigned only by its own function keeps its plain reads': `
    local x = 1
    local function id(...) return ... end
    x = x + 1
    print(id(x, x + 1), ({x, x})[2], x .. x)`,
};

describe('reads of a local that a closure assigns follow Lua 5.1 order', () => {
  it('every case prints what lua5.1 prints', async () => {
    const ours = await runScriptBatch(CASES);
    for (const [name, code] of Object.entries(CASES)) {
      expect({ name, out: ours[name]!.stdout, error: ours[name]!.error }).toEqual({ name, out: referenceLuaOutput(code), error: undefined });
    }
  });
});

// Nested frame capture (compiler/emit/transfer.ts "nested sites", runtime/core/transfer.ts nest/resumeChain): a transfer
// copy calls the copy of a known local function as a plain call; when a copy below leaves, each copy above adds its
// frame at its call, and the chain goes on as resume forms entered at those calls. These tests hold that what runs is
// exactly what the twins would run (results, each call and metamethod once, errors where they were), at any depth,
// and that such code still gives way and can be ended.
import { describe, expect, it } from 'vitest';
import { BUSY_ENDED, linesOf, processCode, runBesideBusy } from '../support/process-harness.js';

describe('nested frame capture in a process', () => {
  it('calls copies from copies, and only where running the statement again up to the call is exact', () => {
    const fib = 'local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end return fib';
    expect(processCode(fib)).toMatch(/\$site = \d+, \$c\d+ = fib\$\d+\.\$t\(/);
    // a field read before the call: the callee may change it, so running the statement again could read another value
    const refused = 'local function f(t) for i = 1, 2 do end t.x = 1 return 1 end local function g(t) return t.x + f(t) end return g';
    expect(processCode(refused)).toMatch(/let g\$\d+ = mkY\(/);
    // a call whose other results are in the registers only, then a place that may leave
    const multi = 'local function f(t) for i = 1, 2 do end return 1, 2 end local function g(t) local a, b = f(t) return a + t.x end return g';
    expect(processCode(multi)).toMatch(/let g\$\d+ = mkT\(/);
  });

  it('keeps a deep recursion exact across the pauses of its copies', async () => {
    expect(
      await linesOf(`
        local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
        local total = 0
        for i = 1, 3 do total = total + fib(24) end
        print(total, fib(27))`),
    ).toEqual(['139104\t196418']);
  });

  it('runs each call and each metamethod once when copies leave below and after their calls', async () => {
    expect(
      await linesOf(`
        local calls, adds = 0, 0
        local V = {}
        -- a handler with a loop has a twin: the copy leaves after both calls, the resume form runs it
        V.__add = function(a, b) adds = adds + 1 for i = 1, 2 do end return setmetatable({ v = a.v + b.v }, V) end
        local function node(d)
          calls = calls + 1
          if d == 0 then return setmetatable({ v = 1 }, V) end
          return node(d - 1) + node(d - 1)
        end
        local r = node(12)
        print(r.v, calls, adds)`),
    ).toEqual(['4096\t8191\t4095']);
  });

  it('passes varargs and several results through nested calls, and defers deep tail calls', async () => {
    expect(
      await linesOf(`
        local function sum(...) local s = 0 for i = 1, select('#', ...) do s = s + (select(i, ...)) end return s, ... end
        local function mid(a, ...) return sum(a, ...) end
        local function top(n) local x, y = 0, 0 for i = 1, n do local s, f = mid(i, 2, 3) x = x + s y = y + f end return x, y end
        local function down(n, acc) if n == 0 then return acc end for i = 1, 1 do end return down(n - 1, acc + 1) end
        print(top(20000))
        print(down(100000, 0))`),
    ).toEqual(['200110000\t200010000', '100000']);
  });

  it('raises errors where the twins do, and runs a pcall below a copy', async () => {
    expect(
      await linesOf(`
        local function bad(n) if n == 0 then local t = nil return t.x end for i = 1, 1 do end return bad(n - 1) + 1 end
        local function inner(n) for i = 1, 1 do end local ok, e = pcall(error, "boom" .. n, 0) return e end
        local function outer(n) if n == 0 then return inner(n) end return outer(n - 1) .. "!" end
        print(pcall(bad, 30))
        print(outer(3))`),
    ).toEqual(["false\tapp_main.lua:3: attempt to index a nil value (local 't')", 'boom0!!!']);
  });

  it('gives way, and is ended, in a loop below a chain of copies', async () => {
    expect(
      await runBesideBusy(`
        local function spin(d) if d == 0 then local s = 0 while true do s = s + 1 end end return spin(d - 1) + 1 end
        spin(20)`),
    ).toEqual(BUSY_ENDED);
  });
});

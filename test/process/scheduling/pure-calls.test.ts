// Pure calls (compiler/analyze FunctionInfo.pure, runtime/core/pure-call.ts): generator code runs a call of a pure
// recursive function as plain JS and, when the attempt must give way or would run a metamethod, runs it again as the
// twin. These tests hold that the retry is invisible (results, metamethod side effects, errors, tail calls) and that
// such a computation still gives way (fairness-recursion.test.ts covers endless and long recursion).
import { describe, expect, it } from 'vitest';
import { BUSY_ENDED, linesOf, processCode, runBesideBusy } from '../../support/process-harness.js';

describe('pure calls in a process', () => {
  it('are attempted plain only where the callee changes nothing and calls only pure functions', () => {
    const pure = 'local function f(n) if n < 2 then return n end return f(n - 1) + math.floor(f(n - 2)) end return f';
    expect(processCode(pure)).toContain('tryPure(f$');
    const impure = [
      'local t = {} local function f(n) if n < 1 then return 0 end t[n] = n return f(n - 1) end return f',
      'local c = 0 local function f(n) if n < 1 then return 0 end c = c + 1 return f(n - 1) end return f',
      'local function f(n) if n < 1 then return 0 end local g = function() return n end return f(n - 1) end return f',
      'local function f(n, o) if n < 1 then return 0 end o:m() return f(n - 1, o) end return f',
      'local function f(n) if n < 1 then return math.random() end return f(n - 1) end return f',
      'local function f(n) if n < 1 then return type(n) end return f(n - 1) end type = print return f',
    ];
    for (const src of impure) expect(processCode(src), src).not.toContain('tryPure(');
  });

  it('give the results of the twin: deep recursion, tail calls, table values', async () => {
    expect(
      await linesOf(`
        local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
        local function sum(n) if n == 0 then return 0 end return n + sum(n - 1) end
        local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + n) end
        local function tree(d) if d == 0 then return {} end return { tree(d - 1), tree(d - 1) } end
        local function count(t) if t[1] == nil then return 1 end return 1 + count(t[1]) + count(t[2]) end
        local function two(n) if n == 0 then return 1, 2 end return two(n - 1) end
        print(fib(24), sum(1000), loop(100000, 0), count(tree(14)), two(3000))`),
    ).toEqual(['46368\t500500\t5000050000\t32767\t1\t2']);
  });

  it('run a metamethod once per operation (the attempt stops before it)', async () => {
    expect(
      await linesOf(`
        local count = 0
        local v = setmetatable({}, { __add = function(a, b) count = count + 1 return 1 end,
          __index = function(t, k) count = count + 10 return 2 end })
        local function f(n, x) if n == 0 then return 0 end return (x + 1) + x.y + f(n - 1, x) end
        print(f(3000, v), count)`),
    ).toEqual(['9000\t33000']);
  });

  it('raise an error as the twin does', async () => {
    expect(
      await linesOf(`
        local function g(n) if n == 0 then return nil + 1 end return 1 + g(n - 1) end
        local function h(n) if n == 0 then error({ code = 7 }) end return h(n - 1) end
        local ok, e = pcall(g, 200)
        local ok2, e2 = pcall(h, 20000)
        print(ok, e, ok2, e2.code)`),
    ).toEqual(['false\tapp_main.lua:3: attempt to perform arithmetic on a nil value\tfalse\t7']);
  });

  it('give way when a metamethod they reach loops forever', async () => {
    expect(
      await runBesideBusy(`
        local t = setmetatable({}, { __index = function(_, k) while true do end end })
        local function f(n) if n == 0 then return t.x end return f(n - 1) end
        f(10)`),
    ).toEqual(BUSY_ENDED);
  });
});

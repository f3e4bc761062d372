// A generator-code call of a known function that opens with a test on its parameters (`if n then ... end` as its
// whole body, `if n == 0 then return nil end` first) checks the test at the call site and makes no generator when
// the function surely returns at once (compiler/emit/peel.ts). What the function does must not change: arguments
// that make the test raise or reach a metamethod, or leave it unsure, go to the twin.
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/index.js';
import { referenceLuaOutput } from '../support/reference-lua.js';
import { runScriptInProcess } from '../support/script-in-process.js';
import { linesOf } from '../support/process-harness.js';

const PROGRAM = `
    local yield = coroutine.yield
    local function walk(n)
      if n then
        walk(n.l)
        yield(n.v)
        walk(n.r)
      end
    end
    local function base(n)
      if n == 0 then return nil end
      yield(n)
      return base(n - 1)
    end
    local function fib(n)
      if n < 2 then return n end
      yield(n)
      return fib(n - 1) + fib(n - 2)
    end
    local function pair(a, b)
      if not a and b ~= "x" then return a, b, 3 end
      yield(a)
      return "rest", a, b
    end
    local function big(k)
      if k >= 10 or k == nil then return "big" end
      yield(k)
      return "small"
    end
    local function none(a, b)
      if a == "stop" then return end
      yield(b)
      return b
    end
    local co = coroutine.wrap(function()
      walk({ l = { v = 1 }, v = 2, r = { l = { v = 3 }, v = 4 } })
      walk(false) walk(nil) print("pcall walk", (pcall(walk, 0)))
      print("base", base(0), base(-0), select("#", base(0)), base(2))
      print("fib", fib(0), fib(1), fib(1.5), fib(6))
      print("pcall fib", pcall(fib, "1"))
      print("pcall fib", pcall(fib, setmetatable({}, { __lt = function() return true end })))
      print("pair", pair(nil, "y"))
      print("pair", pair(false, nil))
      print("pair", pair(nil, "x"))
      print("pair", pair(1, 2))
      print("pair", pair())
      print("big", big(10), big(12.5), big(3), big(0/0) == "small", pcall(big))
      print("pcall big", pcall(big, "12"))
      print("none", select("#", none("stop", 1)), none("go", 5), none())
      return "end"
    end)
    local out = {}
    while true do
      local v = co()
      if v == "end" then break end
      out[#out + 1] = v ~= v and "nan" or tostring(v)
    end
    print(table.concat(out, " "))
`;

describe('early exits of known functions tested at generator-code call sites', () => {
  it('print what lua5.1 prints, yields, errors and multiple results included', async () => {
    expect(await runScriptInProcess(PROGRAM, { name: 'peel.lua' })).toBe(referenceLuaOutput(PROGRAM, { name: 'peel.lua' }));
  });

  it('the same in process mode (positions aside: the process entry has a name and a first line of its own)', async () => {
    const unplaced = (lines: string[]) => lines.map((l) => l.replace(/[\w.]+:\d+: /g, ''));
    const expected = referenceLuaOutput(PROGRAM, { name: 'peel.lua' }).trimEnd().split('\n');
    expect(unplaced(await linesOf(PROGRAM))).toEqual(unplaced(expected));
  });

  it('are tested at the call site inside the twins, and only there', () => {
    const out = compile(PROGRAM, { file: 'peel.lua', chunkName: 'peel.lua' });
    if (!out.ok) throw new Error('compile failed');
    // walk's two recursive calls (nil or false children return at once) and the coroutine body's three
    // (made by the coroutine's driver while one runs, runtime/core/trampoline.ts)
    const twinCall = (f: string) => `\\(TRAMP\\.co !== undefined \\? \\(yield trCall\\(${f}\\$\\d+\\.\\$y\\(`;
    expect(out.code.match(new RegExp(`\\? \\(R\\.n = 0, undefined\\) : ${twinCall('walk')}`, 'g'))?.length).toBe(5);
    // base's `if n == 0 then return nil end`, called with n - 1
    expect(out.code).toMatch(new RegExp(`\\(\\$\\d+\\) === 0 \\? ret1\\(undefined\\) : ${twinCall('base')}`));
    // the plain bodies call plainly, with no test
    expect(out.code).not.toMatch(/\? \(R\.n = 0, undefined\) : walk\$/);
  });
});

// A local holding a standard function that never suspends (`local floor = math.floor`, `local type = type`) is called
// as the function by name is (compiler/analyze/analyze.ts LocalVar.stdName): no generator twin for a function
// whose only unknown calls were such aliases. What can suspend or run a Lua callback stays as it was.
import { describe, expect, it } from 'vitest';
import { processCode, runBodies } from '../../support/process-harness.js';

const hasTwin = (code: string): boolean => /function\* f\$F\d+\$y/.test(code);

describe('standard functions through locals in process mode', () => {
  it('make no twin: library fields and base functions', () => {
    expect(hasTwin(processCode(`
      local floor, sqrt = math.floor, math.sqrt
      local kind, insert = type, table.insert
      local function f(t, x) if kind(x) == "number" then insert(t, floor(sqrt(x))) end end
      return f`))).toBe(false);
  });

  it('keep the twin where the call may suspend or run a Lua callback, or the local may hold something else', () => {
    const cases = [
      'local yield = coroutine.yield local function f() yield(1) end return f',
      'local sort = table.sort local function f(t, c) sort(t, c) end return f',
      'local tostr = tostring local function f(v) return tostr(v) end return f',
      'local floor = math.floor local function f(x) return floor(x) end floor = print return f',
      'local floor = math.floor local function f(x) return floor(x) end math = {} return f',
    ];
    for (const src of cases) expect(hasTwin(processCode(src)), src).toBe(true);
  });

  it('run as before in a process', async () => {
    const { exit, lines } = await runBodies(`
      local floor, kind = math.floor, type
      local yield = coroutine.yield
      local function f(x) return floor(x / 2), kind(x) end
      local co = coroutine.wrap(function() yield(1) yield(2) return 3 end)
      local s = 0
      for i = 1, 5000 do s = s + f(i) end
      print(s, select(2, f(3)), co(), co(), co())`);
    expect(exit?.error).toBeUndefined();
    let s = 0;
    for (let i = 1; i <= 5000; i++) s += Math.floor(i / 2);
    expect(lines).toEqual([`${s}\tnumber\t1\t2\t3`]);
  });
});

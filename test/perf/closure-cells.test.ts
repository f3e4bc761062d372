// Closures in functions with a transfer copy (compiler/emit/transfer.ts, ChunkEmitter.celled): a local that a closure
// captures and that changes (or is made afresh at each pass of a loop) lives in a cell the frame carries, so the copy,
// the copy entered again after giving way, the resume form, and every closure made in any of them read and write one
// variable. These tests leave the copy many times (at its budget, and at calls of something with a twin) between the
// making of closures and their use, and check every result against what lua5.4 prints for the same program.
import { describe, expect, it } from 'vitest';
import { BUSY_ENDED, linesOf, processCode, runBesideBusy, sleeperEndsBusy } from '../support/process-harness.js';

// The loops of 30000 passes leave the copy at its budget (2000 back-edges), which is entered again after giving way,
// until the pass that calls `hooks.tick`: it has a twin (a loop) and is called through a table, so the copy leaves
// there and the rest of the call runs as the resume form. After such a call the function backs off, so the next
// call (`run(5)`) runs as the twin.
const HOOKS = 'local hooks = { tick = function(n) local s = 0 for j = 1, n do s = s + j end return s end }';

describe('closures made by a function with a transfer copy', () => {
  it('the function gets a copy, and its captured locals that change live in cells', () => {
    const code = processCode(`${HOOKS}
      local function f(n)
        local x, y = 0, 1
        local get = function() return x + y end
        for i = 1, n do x = x + i end
        return get()
      end
      local function g() return f(3) end
      return g`);
    expect(code).toMatch(/let f\$\d+ = mkT\(/);
    // x is assigned after the closure is made: a cell; y never changes: a plain variable in every form
    expect(code).toMatch(/x\$\d+ = \{ v: /);
    expect(code).not.toMatch(/y\$\d+ = \{ v: /);
  });

  it('a closure made before a pause sees the writes made after it, and the function sees the closure\'s writes', async () => {
    const body = `${HOOKS}
      local function work(n)
        local x = 0
        local get = function() return x end
        local set = function(v) x = v end
        for i = 1, n do
          x = x + 1
          if i % 9973 == 0 then set(x + 5) end
          if i == 25000 then hooks.tick(3) end
        end
        local before = get()
        for i = 1, n do x = x + 2 end
        hooks.tick(1)
        set(x * 2)
        local after = get()
        return before, after, x
      end
      local function run(n) return work(n) end
      print(run(30000))
      print(run(5))`;
    expect(processCode(body)).toMatch(/let work\$\d+ = mkT\(/);
    expect(await linesOf(body)).toEqual(['30015\t180030\t180030', '5\t30\t30']);
  });

  it('per-pass bindings stay distinct across pauses, in numeric, while and generic loops', async () => {
    const body = `${HOOKS}
      local function work(n)
        local fs = {}
        for i = 1, n do
          fs[i] = function() return i end
        end
        local gs = {}
        local i = 0
        while i < n do
          i = i + 1
          local w = i * 2
          gs[i] = function(d) w = w + d return w end
          if i == 25000 then hooks.tick(2) end
        end
        local ks = {}
        for k, v in ipairs({ 10, 20, 30 }) do
          hooks.tick(1)
          ks[k] = function() return k * v end
        end
        local s = 0
        for j = 1, n, 7 do
          local f = fs[j]
          local g = gs[j]
          local a = f()
          local b = g(1)
          local c = g(1)
          s = s + a * 3 + b + c
        end
        local k1 = ks[1]
        local k3 = ks[3]
        local p = k1()
        local q = k3()
        return s, p, q
      end
      local function run(n) return work(n) end
      print(run(30000))
      print(run(3))`;
    expect(processCode(body)).toMatch(/let work\$\d+ = mkT\(/);
    expect(await linesOf(body)).toEqual(['449997855\t10\t90', '10\t10\t90']);
  });

  it('sibling closures share their upvalue across pauses', async () => {
    const body = `${HOOKS}
      local function work(n)
        local inc, read
        do
          local c = 0
          inc = function(d) c = c + d end
          read = function() return c end
        end
        local pairs_ = {}
        for j = 1, n do
          inc(1)
          if j == 25000 then hooks.tick(1) end
          local m = j
          pairs_[j % 4 + 1] = { function() m = m + 1 end, function() return m end }
        end
        local a = pairs_[1]
        local bump = a[1]
        local look = a[2]
        bump()
        hooks.tick(1)
        bump()
        local r = read()
        local l = look()
        return r, l
      end
      local function run(n) return work(n) end
      print(run(30000))
      print(run(4))`;
    expect(processCode(body)).toMatch(/let work\$\d+ = mkT\(/);
    expect(await linesOf(body)).toEqual(['30000\t30002', '4\t6']);
  });
});

describe('a main that makes closures still gives way', () => {
  it('a busy main making closures at each pass gives way and is terminated', async () => {
    expect(await runBesideBusy('local fs = {} local i = 0 while true do i = i + 1 fs[i % 8 + 1] = function() return i end end')).toEqual(BUSY_ENDED);
  });

  it('an endless recursion beside closures gives way', async () => {
    expect(await runBesideBusy('local k = 0 local get = function() return k end local function f(n) k = n return f(n + 1) end f(1)')).toEqual(BUSY_ENDED);
  });

  it('a long loop making closures gives way to a timer within 20 ms, in real time', async () => {
    const { exit, rt } = await sleeperEndsBusy('local n = 0 local f for i = 1, 1e15 do f = function() return i + n end n = n + 1 end');
    expect(exit.error).toBeUndefined();
    expect(exit.value).toBe(true);
    expect(rt.node.procs.size).toBe(0);
  });
});

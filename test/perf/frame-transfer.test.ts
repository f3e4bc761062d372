// Frame transfer (compiler/emit/transfer.ts, runtime/core/transfer.ts): twin code calls a function with a transfer
// copy as plain code, which leaves where the twin would give way and goes on in the resume form (or, after giving
// way, plain again). These tests hold that which functions get a copy is decided as documented, that leaving and
// going on is invisible (results, metamethod and call side effects counted once, errors), and that such code still
// gives way (a busy loop in a called function, a metamethod that loops forever).
import { describe, expect, it } from 'vitest';
import { BUSY_ENDED, linesOf, processCode, runBesideBusy } from '../support/process-harness.js';

describe('frame transfer in a process', () => {
  it('gives a copy to functions whose statements can be run again, and only to them', () => {
    const admitted = [
      'local function f(t) local s = 0 for i = 1, #t do s = s + t[i] end return s end return function(t) return f(t) end',
      'local function f(t) for k, v in pairs(t) do t[k] = v * 2 end end local function g(t) f(t) f(t) end return g',
      'local function f(o, n) local i = 0 while i < n do o.x, o.y = i, n i = i + 1 end end local function g(o) f(o, 3) end return g',
      // a swap through a table: a store that leaves goes on at its store point, from the saved values
      // (store-points.test.ts), so the statement is not run again
      'local function f(t, n) for i = 1, n do t.a, t.b = t.b, t.a end end local function h(t) f(t, 3) end return h',
      // a function that makes closures: the locals they capture live in cells every form shares (closure-cells.test.ts)
      'local function f(n) local s = 0 for i = 1, n do local g = function() return i end s = s + g() end return s end local function h() return f(3) end return h',
    ];
    const callsCopy = /transferYV?\(f\$\d+/;
    for (const src of admitted) expect(processCode(src), src).toMatch(callsCopy);
    const refused = [
      // a read of what a call may change, then the call, in one statement (`g(i) + t[i]`, the call first, is a nested
      // site: method-sites.test.ts)
      'local function f(t, g) for i = 1, #t do t[i] = t[i] + g(i) end end local function h(t) f(t, print) end return h',
      // a goto
      'local function f(n) for i = 1, n do if i > 2 then goto done end end ::done:: end local function h() f(3) end return h',
    ];
    for (const src of refused) expect(processCode(src), src).not.toMatch(callsCopy);
  });

  it('keeps the results of long loops left and entered again many times', async () => {
    const body = `
        local function sums(n)
          local a, b, c = 0, 0, 0
          for i = n, 1, -1 do a = a + i % 7 end
          local j = 0
          while j < n do j = j + 1 if j % 3 == 0 then b = b + j elseif j % 3 == 1 then b = b - 1 else b = b + 0.5 end end
          local k = 0
          repeat local step = 2 k = k + step c = c + k until k >= n
          return a, b, c
        end
        local function walk(t)
          local keys, total = 0, 0
          for _ = 1, 2000 do for k, v in pairs(t) do keys = keys + 1 total = total + v end end
          for i, v in ipairs({ 10, 20, 30 }) do total = total + i * v end
          return keys, total
        end
        local function nested(n, ...)
          local extra = select('#', ...)
          local out = {}
          for i = 1, n do
            local row = 0
            for j = 1, n do
              if j > i then break end
              row = row + j
            end
            out[i] = row
          end
          return out[n], extra, ...
        end
        local t = {}
        for i = 1, 50 do t["k" .. i] = i end
        print(sums(300000))
        print(walk(t))
        print(nested(700, "x", nil, 3))`;
    const code = processCode(body);
    for (const f of ['sums', 'walk', 'nested']) expect(code).toMatch(new RegExp(`let ${f}\\$\\d+ = mkT\\(`));
    expect(await linesOf(body)).toEqual(['899998\t15000100000\t22500150000', '100000\t2550140', '245350\t3\tx\tnil\t3']);
  });

  it('runs each metamethod and each call once per operation, whichever form runs it', async () => {
    const body = `
        local reads, writes, calls = 0, 0, 0
        -- handlers with a loop have a twin: the copy leaves before each, the resume form runs it
        local proxy = setmetatable({}, {
          __index = function(_, k) reads = reads + 1 local s = 0 for i = 1, 3 do s = s + i end return s end,
          __newindex = function(t, k, v) writes = writes + 1 for i = 1, 2 do end rawset(t, k, v) end })
        -- and without one: the copy leaves before these too, so nothing runs twice
        local plain = setmetatable({}, { __index = function(_, k) reads = reads + 1 return 1 end })
        local function counted(x) calls = calls + 1 for i = 1, 2 do end return x end
        local function work(o, p, f, n)
          local s = 0
          for i = 1, n do
            s = s + o.missing + p.other
            o["k" .. i % 5] = s
            local r = f(i)
            s = s + r
          end
          return s
        end
        local function run() return work(proxy, plain, counted, 5000) end
        print(run(), reads, writes, calls)`;
    expect(processCode(body)).toMatch(/transferY\(work\$\d+/);
    expect(await linesOf(body)).toEqual(['12537500\t10000\t5\t5000']);
  });

  it('hands over a frame as an object of the variables in scope where the copy left', async () => {
    // an object, not an array: a float left in a local reads back as a number, so its loop keeps it unboxed
    const src = 'local function f(t, n) local s = 0.5 for i = 1, n do s = s + t[i] * 0.5 end return s end local function g(t) return f(t, 3) end return g';
    const code = processCode(src);
    // (made by a helper in the module's factory, one per list of fields: functions.ts frameMaker; not in the chunk's
    // function, which every process runs: an idle process would carry the helpers)
    expect(code.indexOf('function $fr')).toBeGreaterThan(0);
    expect(code.indexOf('function $fr')).toBeLessThan(code.indexOf('return function main$F0'));
    expect(code).toMatch(/function (\$fr\d+_\d+)\(t\$\d+, n\$\d+\) \{ return \{ t\$\d+, n\$\d+ \}; \}[^]*bailB\(1, \1\(t\$\d+, n\$\d+\), f\$F\d+\$t\)/);
    expect(code).toMatch(/function (\$fr\d+_\d+)\(t\$\d+, n\$\d+, s\$\d+, i\$\d+, \$\d+\) \{ return \{ t\$\d+, n\$\d+, s\$\d+, i\$\d+, \$\d+ \}; \}[^]*bailB\(\d+, \1\(t\$\d+, n\$\d+, s\$\d+, i\$\d+, \$\d+\), f\$F\d+\$t\)/);
    expect(code).toMatch(/s\$\d+ = \$S\.s\$\d+;/);
    // left at its budget some fifty times, the float sum goes on where it was
    expect(
      await linesOf(`
        local function f(n) local s = 0.25 for i = 1, n do s = s + i % 4 * 0.125 end return s end
        local function g(n) return f(n) end
        print(g(100000), g(2))`),
    ).toEqual(['18750.25\t0.625']);
  });

  it('raises errors where the twin does', async () => {
    expect(
      await linesOf(`
        local function f(t, n) local s = 0 for i = 1, n do s = s + t[i] end return s end
        local function g(t) return f(t, 5000) end
        local t = {}
        for i = 1, 4999 do t[i] = i end
        local ok, e = pcall(g, t)
        print(ok, e)`),
    ).toEqual(['false\tapp_main.lua:3: attempt to perform arithmetic on a nil value']);
  });

  it('gives way in a busy loop of a called function', async () => {
    expect(await runBesideBusy('local function spin(n) local s = 0 while true do s = s + n end end spin(1)')).toEqual(BUSY_ENDED);
  });

  it('gives way in a metamethod that loops forever, reached from a copy', async () => {
    expect(
      await runBesideBusy(`
        local t = setmetatable({}, { __index = function(_, k) while true do end end })
        local function f(o, n) local s = 0 for i = 1, n do s = s + i end return s + o.x end
        f(t, 10000)`),
    ).toEqual(BUSY_ENDED);
  });
});

// Nested sites of unknown callees (compiler/emit/transfer.ts callEvents, calls.ts emitCall): a transfer copy calls a
// method or a closure passed as a value through the callee's own copy when it has one, plainly when it has no twin,
// and leaves (as before) when it has a twin only. The resume form entered at such a call does not evaluate the callee
// and the arguments again. These tests hold that what runs is what lua5.1 runs (each lookup and call once, a callee
// replaced during a pause, several results, varargs, tail calls, `__call` objects, errors and pcall), and that such
// code still gives way and can be ended. Expected lines are lua5.1's for the same program.
import { describe, expect, it } from 'vitest';
import { BUSY_ENDED, linesOf, processCode, runBesideBusy } from '../support/process-harness.js';

// Base:work has a loop (a twin and a copy); Base:get has neither loop nor call (no twin); objects made by `make` find
// their methods through an `__index` function that counts its reads (the copy leaves at it: handlers are deferred).
const CLASSES = `
  local reads = 0
  local Base = {}
  Base.__index = Base
  function Base.new(k) return setmetatable({ k = k, acc = 0, hits = 0 }, Base) end
  function Base:work(n) local s = 0 for j = 1, n do s = s + j * self.k end self.hits = self.hits + 1 return s end
  function Base:get() return self.acc end
  function Base:pair(a) for j = 1, 1 do end return a, a * 2 end
  function Base:sum(...) local s = 0 for i = 1, select('#', ...) do s = s + (select(i, ...)) end return s end
  local Derived = setmetatable({}, { __index = function(t, k) reads = reads + 1 return Base[k] end })
  Derived.__index = Derived
  local function make(k) return setmetatable({ k = k, acc = 0, hits = 0 }, Derived) end
  local function run(o, n)
    local total = 0
    for i = 1, n do
      local w = o:work(i % 50)
      o.acc = o:get() + w % 7
      local a, b = o:pair(i)
      total = total + w + a + b + o:sum(i, 1, 2) % 5
    end
    return total
  end
  local function top(n)
    local o, p = Base.new(3), make(2)
    local t = run(o, n) + run(p, n)
    return t, o.acc, p.acc, o.hits, p.hits
  end
  print(top(30000))
  print(reads)`;

describe('nested sites of methods and closures in a process', () => {
  it('calls a method at a site, and refuses a read before it that the call may change', () => {
    const code = processCode(`${CLASSES} return run`);
    expect(code).toMatch(/let run\$\d+ = mkT\(/);
    // the copy decides what to call before the arguments, then calls it at the site
    expect(code).toMatch(/\(\$\d+ = \$\d+\.\$t\) === undefined && bailAt\(/);
    expect(code).toMatch(/\$site = \d+, \$c\d+ = \(typeof \$\d+ === "function" \? \(\(\$\d+ = \$\d+\(o\$\d+, /);
    // the call first, then a read: running the statement again after the call reads what the call left
    const after = 'local function f(t, g) for i = 1, #t do t[i] = g(i) + t[i] end end local function h(t) f(t, print) end return h';
    expect(processCode(after)).toMatch(/let f\$\d+ = mkT\(/);
    // a read, then the call: the resume would read the field again after the call changed it
    const before = 'local function f(t, o) for i = 1, 2 do end t.x = 1 return t.y + o:m() end local function h(t, o) return f(t, o) end return h';
    expect(processCode(before)).toMatch(/let f\$\d+ = mkY\(/);
    // twin code calls a method's copy through transferY (up to four arguments, no spread), else its twin
    const twin = processCode('local function f(o, ...) for i = 1, 2 do o:m(i) end o:m(...) end return f');
    expect(twin).toMatch(/\(\$\d+ = \$\d+\.\$t\) !== undefined \? transferY\(\$\d+, 2, o\$\d+, i\$\d+\)/);
    expect(twin).toMatch(/yield\* \$\d+\(o\$\d+, \.\.\.va\)/);
  });

  it('runs methods through their copies, plainly and leaving, with each lookup and call once', async () => {
    expect(await linesOf(CLASSES)).toEqual(['2762685000\t58800\t88200\t30000\t30000', '120000']);
    // called from the main's twin (transferY): C:work leaves at its budget now and then, C:add at a handler with a twin
    expect(
      await linesOf(`
        local C = {} C.__index = C
        function C:work(n) local s = 0 for j = 1, n do s = s + j end self.hits = self.hits + 1 return s end
        local V = setmetatable({}, { __add = function(a, b) for j = 1, 1 do end return a.v + b end })
        function C:add(v) return v + self.hits end
        local o = setmetatable({ hits = 0 }, C)
        local t = 0
        for i = 1, 200000 do t = t + o:work(i % 40) + o:add(setmetatable({ v = i }, getmetatable(V))) % 3 end
        print(t, o.hits)`),
    ).toEqual(['53500001\t200000']);
  });

  it('does not look a method up again, nor evaluate its arguments again, when it goes on after a pause', async () => {
    expect(
      await linesOf(`
        local log = {}
        -- a loop (a twin), and a parameter a closure captures and something assigns (no copy): a copy calling it
        -- leaves there, inside the method, after the method replaced itself and its object's lookups count
        local reads = 0
        local H = { slow = function(x) for i = 1, 1 do end local f = function() return x end x = x + 0 return f() end }
        local C = {}
        C.__index = C
        function C:m(i)
          for j = 1, 1 do end
          log[#log + 1] = "m" .. i
          C.m = C.other
          setmetatable(self, { __index = function(t, k) reads = reads + 1 return C[k] end })
          local r = H.slow(i)
          return r * 10
        end
        function C:other(i) for j = 1, 1 do end log[#log + 1] = "other" .. i return i end
        local count = 0
        local function nextId() count = count + 1 return count end
        local function id(x) for j = 1, 1 do end return H.slow(x) end
        local function run(o)
          local s = 0
          for i = 1, 3 do
            s = s + o:m(i)
            s = s + id(nextId())
          end
          return s
        end
        print(run(setmetatable({}, C)), count, reads)
        print(table.concat(log, " "))`),
    ).toEqual(['21\t3\t2', 'm1 other2 other3']);
  });

  it('passes several results and varargs, makes deep tail calls of methods, and calls __call objects', async () => {
    expect(
      await linesOf(`
        local C = {}
        C.__index = C
        function C:down(n, acc) if n == 0 then return acc end for i = 1, 1 do end return self:down(n - 1, acc + 1) end
        local function vals(...) for i = 1, 1 do end return ... end
        local S = {}
        function S.three(a) for i = 1, 1 do end return a, a + 1, a + 2 end
        local function run(o, n)
          local s = 0
          for i = 1, n do
            local a, b, c = S.three(i)
            s = s + a + b + c + select('#', vals(i, nil, i))
          end
          return s, o:down(100000, 0)
        end
        print(run(setmetatable({}, C), 20000))
        local Callable = setmetatable({}, { __call = function(self, a, b) for i = 1, 1 do end return a * 3 + b end })
        local Plain = setmetatable({}, { __call = function(self, a, b) return a - b end })
        local function calls(n) local s = 0 for i = 1, n do s = s + Callable(i, 1) + Plain(i, 2) end return s end
        print(calls(30000))`),
    ).toEqual(['600150000\t100000', '1800030000']);
  });

  it('goes on with a loop\'s later passes after a pause in the closure it calls', async () => {
    // the closure's copy runs out of budget at its entry: `each` goes on as its resume form, its later passes plain
    expect(
      await linesOf(`
        local function each(n, f) local s = 0 for i = 1, n do s = s + f(i) end local j = 0 while j < n do j = j + 1 s = s + f(j) end return s end
        local function run(n) local acc = 0 local r = each(n, function(i) acc = acc + i % 7 return i % 5 end) return r, acc end
        print(run(300000))`),
    ).toEqual(['1200000\t1799996']);
  });

  it('raises errors inside a chain of method copies where lua5.1 does, and runs pcall at a site', async () => {
    expect(
      await linesOf(`
        local C = {}
        C.__index = C
        function C:bad(n) if n == 0 then local t = nil return t.x end for i = 1, 1 do end return self:bad(n - 1) + 1 end
        function C:safe(n) for i = 1, 1 do end local ok, e = pcall(self.bad, self, n) return e end
        local function run(o) for i = 1, 1 do end return o:bad(30) end
        local function guarded(o) for i = 1, 1 do end return o:safe(5) end
        local o = setmetatable({}, C)
        print(pcall(function() return run(o) end))
        print(guarded(o))`),
    ).toEqual([
      "false\tapp_main.lua:5: attempt to index a nil value (local 't')",
      "app_main.lua:5: attempt to index a nil value (local 't')",
    ]);
  });

  it('gives way, and is ended, in an endless method recursion and an endless method tail call', async () => {
    expect(
      await runBesideBusy(`
        local C = {}
        C.__index = C
        function C:spin(d) if d == 0 then local s = 0 while true do s = s + 1 end end return self:spin(d - 1) + 1 end
        local function go(o) for i = 1, 1 do end return o:spin(20) end
        go(setmetatable({}, C))`),
    ).toEqual(BUSY_ENDED);
    // called from the main's twin: through transferY
    expect(
      await runBesideBusy(`
        local C = {}
        C.__index = C
        function C:spin(d) if d == 0 then local s = 0 while true do s = s + 1 end end return self:spin(d - 1) + 1 end
        setmetatable({}, C):spin(20)`),
    ).toEqual(BUSY_ENDED);
    expect(
      await runBesideBusy(`
        local C = {}
        C.__index = C
        function C:loop(n) return self:loop(n + 1) end
        local function go(o) for i = 1, 1 do end return o:loop(0) end
        go(setmetatable({}, C))`),
    ).toEqual(BUSY_ENDED);
  });
});

// Function makers (compiler/emit/function-makers.ts): a function nested in one with several forms is made by a maker
// declared once at the top of the chunk's function, called by each form with the locals it names: parameters and
// locals never assigned after their declaration by value, cells as cells, the chunk's top-level locals seen by the
// maker itself. These programs run as process mains, whose loops spend their budget so the copies leave and are
// entered again (the closures are made in every form), and compare with what lua5.1 prints.
import { describe, expect, it } from 'vitest';
import { linesOf, processCode, runMain } from '../support/process-harness.js';

// closures sharing a cell with their parent (assigned by both, after the closures were made), closures made in a loop
// from its per-pass locals, self recursion three functions deep, closures outliving their parent, mutual recursion
// through locals assigned after their declaration, a callback assigning its parent's local and an upvalue
const CLOSURES = `
local function spin(n) local s = 0 for i = 1, n do s = s + i % 7 end return s end
local function counter()
  local n = 0
  local function inc(d) n = n + d for i = 1, 50 do end return n end
  local function get() return n end
  for i = 1, 3000 do inc(1) end
  n = n + spin(20000)
  return inc, get
end
local inc, get = counter()
inc(5)
print(get(), inc(0))
local fs = {}
for i = 1, 5 do
  local j = i * 10
  fs[i] = function(x) local s = 0 for k = 1, j do s = s + k end return s + x + i end
end
local acc = 0
for r = 1, 200 do for i = 1, 5 do acc = acc + fs[i](r) end end
print(acc)
local function outer(a)
  local function mid(b)
    local function inner(c)
      if c <= 0 then return 0 end
      local s = 0
      for k = 1, 10 do s = s + k end
      return s + inner(c - 1) + a + b
    end
    local t = 0
    for k = 1, 20 do t = t + inner(k) end
    return t
  end
  local u = 0
  for k = 1, 30 do u = u + mid(k) end
  return u
end
print(outer(3))
local function make(base, step)
  local scale = base * 2
  return function(n) local s = 0 for i = 1, n do s = s + scale + step end return s end
end
local m1, m2 = make(1, 2), make(10, 20)
print(m1(1000), m2(1000), m1(3))
local even, odd
even = function(n) for i = 1, 2 do end if n == 0 then return true end return odd(n - 1) end
odd = function(n) for i = 1, 2 do end if n == 0 then return false end return even(n - 1) end
print(even(1000), odd(777))
local hits = 0
local function each(t, f) for i = 1, #t do f(t[i], i) end end
local function sum(t)
  local total = 0
  each(t, function(v, i) total = total + v * i hits = hits + 1 end)
  return total
end
local big = {}
for i = 1, 30000 do big[i] = i % 5 end
print(sum(big), sum({ 1, 2, 3 }), hits)
`;

// lua5.1 -e "local f = assert(loadfile('body.lua')) f()" with CLOSURES as body.lua
const CLOSURES_LINES = ['63003\t63003', '668500', '463050', '4000\t40000\t12', 'true\ttrue', '900030000\t14\t30003'];

// a chunk's top-level locals (the makers see them), a local of a block at the chunk's level never assigned (passed by
// value) and one assigned (a function naming it is embedded in its parent's forms)
const CHUNK = `local state = 0
local K = 7
local get_moving, hidden_reader
do
  local hidden = 100
  local moving = 0
  local function tick() moving = moving + 1 end
  get_moving = function()
    local function twice() for i = 1, 2 do tick() end return moving end
    for i = 1, 3 do end
    return twice()
  end
  hidden_reader = function()
    local function add(x) for i = 1, 3 do x = x + hidden end return x end
    for i = 1, 2 do end
    return add(1)
  end
end
return { main = function()
  local function bumpState(n) for i = 1, n do state = state + K end return state end
  for r = 1, 3 do bumpState(1000) end
  print(state, get_moving(), get_moving(), hidden_reader())
end }
`;

describe('function makers', () => {
  it('make each nested function of a function with several forms from one text, passing what it names', () => {
    const code = processCode(CHUNK);
    // add names a block's local never assigned: passed; bumpState names top-level locals only: nothing passed
    expect(code).toMatch(/function mk\$F\d+\(\$C, hidden\$\d+\) \{\nlet add\$\d+;\nreturn add\$\d+ = mkT\(/);
    expect(code).toMatch(/function mk\$F\d+\(\$C\) \{\nlet bumpState\$\d+;\nreturn bumpState\$\d+ = mkT\(|function mk\$F\d+\(\$C\) \{\nreturn mkT\(\(function bumpState/);
    // twice names \`moving\`, a block's local that is assigned: embedded in each form of its parent
    expect(code.match(/function twice\$F\d+\(/g)!.length).toBeGreaterThan(1);
    expect(code.match(/function add\$F\d+\(/g)).toHaveLength(1);
  });

  it('runs closures made by makers as lua5.1 does, across leaves of their parents\' copies', async () => {
    expect(await linesOf(CLOSURES)).toEqual(CLOSURES_LINES);
  });

  it('runs a chunk whose functions name its top-level and block locals as lua5.1 does', async () => {
    const { exit, lines } = await runMain({ 'app:main': { source: CHUNK, modules: [] } }, 'app:main');
    expect(exit?.error).toBeUndefined();
    // lua5.1 -e "local m = dofile('chunk.lua') m.main()"
    expect(lines).toEqual(['21000\t2\t4\t301']);
  });
});

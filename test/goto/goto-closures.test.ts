// goto and fresh locals (issue #10): each execution of `local x` makes a new variable, so a closure made on one pass
// of a backward goto keeps that pass's value. That is Lua 5.2+ (lua5.4 is the oracle here: lua5.1 has no goto), and
// Wippy's go-lua does the same: its compile.go (funcContext.FindLabel) sets the A operand of a backward goto's JMP
// to the label's active-local count when the block has captured locals, and OP_JMP with A closes those upvalues,
// so the next pass's `local` is a new variable. moonforge used to hoist such locals above the goto region (one JS
// `let` shared by every pass: 300 300 300).
import { describe, expect, it } from 'vitest';
import { referenceLuaOutput } from '../support/reference-lua.js';
import { runScriptBatch } from '../support/script-batch.js';

const CASES: Record<string, string> = {
  'backward goto re-entering a block, the local used after the region': `
    local fns, n = {}, 1
    ::again::
    local c = n * 100
    fns[#fns + 1] = function() return c end
    n = n + 1
    if n <= 3 then goto again end
    print(fns[1](), fns[2](), fns[3](), c)`,
  'backward goto, the local only used inside the region': `
    local fns, n = {}, 1
    ::again::
    local c = n * 100
    fns[#fns + 1] = function() c = c + 1 return c end
    n = n + 1
    if n <= 3 then goto again end
    print(fns[1](), fns[1](), fns[2](), fns[3]())`,
  'a closure that writes the captured local, read after the last pass': `
    local get, set
    local n = 0
    ::top::
    local v = n
    local function s(x) v = x end
    n = n + 1
    if n < 3 then get = function() return v end goto top end
    set = s
    set(42)
    print(get(), v)`,
  'goto continue in a numeric for with closures': `
    local fns = {}
    for i = 1, 5 do
      local sq = i * i
      if i % 2 == 0 then goto continue end
      fns[#fns + 1] = function() return sq end
      ::continue::
    end
    local o = {} for _, f in ipairs(fns) do o[#o + 1] = f() end
    print(table.concat(o, " "))`,
  'goto continue in a while loop, a local declared before the goto': `
    local fns, i = {}, 0
    while i < 4 do
      i = i + 1
      local k = i
      if k == 2 then goto continue end
      fns[#fns + 1] = function() return k end
      ::continue::
    end
    local o = {} for _, f in ipairs(fns) do o[#o + 1] = f() end
    print(table.concat(o, " "))`,
  'a backward goto inside a nested block of a loop': `
    local fns = {}
    for round = 1, 2 do
      local n = 0
      do
        ::again::
        local tag = round .. ":" .. n
        fns[#fns + 1] = function() return tag end
        n = n + 1
        if n < 3 then goto again end
        fns[#fns + 1] = function() return tag .. "!" end
      end
    end
    local o = {} for _, f in ipairs(fns) do o[#o + 1] = f() end
    print(table.concat(o, " "))`,
  'repeat-until with a backward goto, the until condition reading a body local': `
    local fns, n = {}, 0
    repeat
      ::inner::
      n = n + 1
      local x = n
      fns[#fns + 1] = function() return x end
      if n % 3 ~= 0 then goto inner end
    until x >= 6
    local o = {} for _, f in ipairs(fns) do o[#o + 1] = f() end
    print(table.concat(o, " "))`,
  'two labels, one loop inside the other region': `
    local fns, i, j = {}, 0, 0
    ::outer::
    i = i + 1
    local a = i
    j = 0
    ::inner::
    j = j + 1
    local b = j
    fns[#fns + 1] = function() return a * 10 + b end
    if j < 2 then goto inner end
    if i < 3 then goto outer end
    local o = {} for _, f in ipairs(fns) do o[#o + 1] = f() end
    print(table.concat(o, " "), a, b)`,
  'a forward goto over a backward loop, the label at the end of the block': `
    local fns = {}
    local function run(skip)
      local n = 0
      if skip then goto done end
      ::again::
      n = n + 1
      local m = n
      fns[#fns + 1] = function() return m end
      if n < 3 then goto again end
      ::done::
    end
    run(true) run(false)
    local o = {} for _, f in ipairs(fns) do o[#o + 1] = f() end
    print(table.concat(o, " "), #fns)`,
  'a local function declared after the label is a new closure on each pass': `
    local fs, n = {}, 0
    ::again::
    n = n + 1
    local function f() return n end
    fs[n] = f
    if n < 3 then goto again end
    print(fs[1] ~= fs[2], fs[2] ~= fs[3], fs[1](), f == fs[3])`,
};


describe('goto: a local declared after a label is fresh on every pass (lua5.4 is the reference)', () => {
  it('every case prints what lua5.4 prints', async () => {
    const ours = await runScriptBatch(CASES);
    for (const [name, code] of Object.entries(CASES)) {
      expect({ name, out: ours[name]!.stdout, error: ours[name]!.error }).toEqual({ name, out: referenceLuaOutput(code, { lua: 'lua5.4' }), error: undefined });
    }
  });
});

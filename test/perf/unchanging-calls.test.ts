// Frame transfer admits more functions (compiler/emit/transfer.ts): a call of a standard function that changes nothing
// (known-calls.ts changesNothing: string.byte, table.concat, os.time...) is no effect, tostring and string.format leave
// before any `__tostring` runs and change nothing else, and an operator whose operands are never tables or userdata
// (value-kinds.ts reachesNoMetamethod) is no place to leave. These tests check which functions get a copy, and run
// statements that the copy leaves (a handler with a twin after such a call, the budget in long loops) against lua5.1.
import { describe, expect, it } from 'vitest';
import { BUSY_ENDED, linesOf, processCode, runBesideBusy } from '../support/process-harness.js';
import { referenceLuaOutput } from '../support/reference-lua.js';

/** `body` as a function `f` (with a loop, so it has a twin) and the code of a chunk returning it. */
function fn(params: string, body: string): string {
  return processCode(`local function f(${params}) for k = 1, 2 do end ${body} end return f`);
}
const COPY = /let f\$\d+ = mkT\(/;
const refused = (events: string) => new RegExp(`let f\\$\\d+ = mkY\\([^]*no transfer copy: line 1: may leave after an effect \\(${events.replace(/[()]/g, '\\$&')}\\)`);

describe('calls that change nothing', () => {
  it('admits functions calling string, table.concat and os functions, by name or through a local', () => {
    expect(fn('s', 'local h = 0 for i = 1, #s do h = (h * 31 + string.byte(s, i)) % 2147483647 end return h')).toMatch(COPY);
    expect(processCode('local byte, sub = string.byte, string.sub local function f(s, t) for i = 1, #s do t[i] = byte(s, i) + #sub(s, i) end end return f')).toMatch(/let f\$\d+ = mkT\(/);
    expect(fn('stats, parts', 'stats.bytes = stats.bytes + #table.concat(parts, " ")')).toMatch(COPY);
    expect(fn('s, t', 't.a, t.b = string.upper(s) .. string.rep(s, 2), string.find(s, "x", 1, true)')).toMatch(COPY);
    expect(fn('s, t', 'for w in string.gmatch(s, "%a+") do t[#t + 1] = string.len(w) end')).toMatch(COPY);
    expect(fn('t', 't.at = os.time() + os.clock() t.day = os.date("%d")')).toMatch(COPY);
    // gsub with a string replacement runs no Lua code; with any other, it stays an effect
    expect(fn('s, t', 't.s = string.gsub(s, "a", "b")')).toMatch(COPY);
    expect(fn('s, t', 't.s = string.gsub(s, "a", { a = "b" })')).toMatch(refused('RREBE'));
  });

  it('lets tostring and string.format leave, but not after an effect, and keeps print an effect', () => {
    expect(fn('args, parts', 'for i = 1, args.n do parts[#parts + 1] = tostring(args[i]) end')).toMatch(COPY);
    expect(fn('lines, n', 'lines[#lines + 1] = string.format("%d: %s", n, lines)')).toMatch(COPY);
    expect(fn('t', 't.n = table.remove(t) .. tostring(t)')).toMatch(refused('RRERBBBE'));
    expect(fn('t', 'print(t) t.x = 1')).toMatch(COPY);
    expect(fn('t', 't.x = print(t)')).toMatch(refused('RBEBE'));
  });
});

describe('functions holding long nested functions', () => {
  const body = (capture: string) => Array.from({ length: 40 }, (_, i) => `local function g${i}(t) for j = 1, #t do t[j] = t[j] + ${i}${capture} end return t end`).join('\n');

  it('are made by makers: each nested text once, and the function holding them gets its copy (a program written as a process main)', () => {
    const code = processCode(`local function main(t) ${body('')} for k = 1, 2 do end return g1(t) end return main`);
    expect(code).toMatch(/let main\$\d+ = mkT\(/);
    // g1's plain version appears once, in its maker, and every form of main makes g1 by calling it
    expect(code.match(/function g1\$F\d+\(/g)).toHaveLength(1);
    expect(code).toMatch(/function mk\$F\d+\(\$C\) \{\nlet g1\$\d+;\nreturn g1\$\d+ = mkT\(/);
    expect(code.match(/g1\$\d+ = mk\$F\d+\(/g)!.length).toBeGreaterThanOrEqual(5);
  });

  it('get no copy when they must be embedded: each form would hold their text again', () => {
    // n is assigned after the functions capture it, in a function with no copy: no cell, so no maker
    const code = processCode(`local function outer() local n = 0 local function main(t) ${body(' + n')} for k = 1, 2 do end return g1(t) end n = 1 return main end return outer`);
    expect(code).toMatch(/let main\$\d+ = mkY\([^]*no transfer copy: its nested functions are too long to copy \(\d+ characters\)/);
    // the nested functions themselves still get copies
    expect(code).toMatch(/let g1\$\d+ = mkT\(/);
  });
});

describe('operators on known kinds', () => {
  // (a store into a table after an effect stays refused: running the statement again would repeat the effect, and a
  // global read after one may leave too, `string` included: these use locals and return the values)
  it('admits arithmetic, concatenation and comparisons of numbers and strings after an effect', () => {
    expect(fn('t', 'local qty = math.random(5) + 1 return qty, -math.random(3)')).toMatch(COPY);
    const aliases = 'local random, remove, sub = math.random, table.remove, string.sub local function f(t) for k = 1, 2 do end';
    expect(processCode(`${aliases} local s = random(5) .. "x" .. sub("abc", 2) return s, random(2) < 2 and 1 or 2, random(2) == t end return f`)).toMatch(COPY);
    expect(processCode(`${aliases} local v = remove(t) // 2 + (remove(t) & 3) return v, remove(t) == nil, "x" ~= remove(t) end return f`)).toMatch(COPY);
    expect(fn('t', 'local n = 0 for i = 1, 10 do n = n + 1 end local v = math.random(3) .. n < "5" return v')).toMatch(COPY);
  });

  it('keeps the slow path of an operator on a value of unknown kind', () => {
    expect(fn('t, x', 'local q = math.random(5) + x return q')).toMatch(refused('RREB'));
    expect(fn('t', 'local v = table.remove(t) .. "x" return v')).toMatch(refused('RREB'));
    expect(fn('t, u', 'local v = table.remove(t) == u return v')).toMatch(refused('RREB'));
    expect(fn('t, x', 'local v = math.random(2) < x return v')).toMatch(refused('RREB'));
    expect(fn('t, x', 'local v = -(math.random(2) and x) return v')).toMatch(refused('RREB'));
    // `#` of a table may run its __len
    expect(fn('t', 'local v = table.remove(t) + #t return v')).toMatch(refused('RRERB'));
  });
});

// Each statement left below does something before the place it leaves at that must not run twice, or must give the
// same value again: a handler with a twin (its loop) after calls that change nothing, a budget running out in long loops.
const PROGRAM = `
  local log = {}
  local function note(s) log[#log + 1] = s end
  local Obj = {}
  Obj.__tostring = function(o) for j = 1, 3 do end note('tostring ' .. o.id) return 'obj' .. o.id end
  Obj.__add = function(a, b) for j = 1, 3 do end note('add') return 100 end
  Obj.__concat = function(a, b) for j = 1, 3 do end note('concat') return 'cat' end
  Obj.__lt = function(a, b) for j = 1, 3 do end note('lt') return true end
  Obj.__eq = function(a, b) for j = 1, 3 do end note('eq') return true end
  local function new(id) return setmetatable({ id = id }, Obj) end
  -- a handler without a twin: a copy defers it too
  local Plain = { __tostring = function(o) note('plain ' .. o.id) return 'plain' .. o.id end }

  local function hash(s)
    local h = 0
    for r = 1, 200 do
      for i = 1, #s do h = (h * 31 + string.byte(s, i)) % 2147483647 end
    end
    return h
  end

  local function work(s, n)
    local out, stack, total = {}, {}, 0
    local o, p = new(1), new(2)
    local q = setmetatable({ id = 3 }, Plain)
    for i = 1, n do
      stack[#stack + 1] = i
      total = (total + string.byte(s, i % #s + 1) + #table.concat({ 'a', i }, '-')) % 1000003
      if i % 1000 == 0 then
        -- a handler with a twin after calls that change nothing: left there, the statement runs again
        out[#out + 1] = string.sub(s, 1, 2) .. tostring(o) .. string.rep('z', 2)
        out[#out + 1] = string.format('%d/%s', i, string.upper(s)) .. p
        out[#out + 1] = string.len(s) + o
        out[#out + 1] = string.byte(s, 2) .. tostring(q)
        out[#out + 1] = string.lower(s) .. o
        out[#out + 1] = tostring(string.byte(s, 1) > 2 and p < o)
        out[#out + 1] = tostring(o == p) .. tostring(-string.len(s)) .. tostring(#stack)
      end
      local popped = table.remove(stack) == nil
      if popped then total = total + 1 end
    end
    local words = 0
    for w in string.gmatch(string.rep(s .. ' ', 3000), '%a+') do words = words + #w end
    return total, words, #out, table.concat(out, ',', 1, 14)
  end

  local function run(s, n) return work(s, n) end
  print(hash('frame transfer'))
  print(run('Hello', 5000))
  print(run('abc', 2000))
  for i = 1, #log do print(log[i]) end`;

describe('statements left after calls that change nothing', () => {
  it('gets copies for the functions and prints what lua5.1 prints', async () => {
    const code = processCode(PROGRAM);
    expect(code).toMatch(/let hash\$\d+ = mkT\(/);
    expect(code).toMatch(/let work\$\d+ = mkT\(/);
    const lua = referenceLuaOutput(PROGRAM, { name: 'unchanging.lua', lua: 'lua5.1' });
    expect((await linesOf(PROGRAM)).join('\n')).toEqual(lua.trimEnd());
  });

  it("runs string.format's __tostring handlers once when the copy leaves there (go-lua's %s, not lua5.1's)", async () => {
    const FORMAT = `
      local log = {}
      local Obj = { __tostring = function(o) for j = 1, 3 do end log[#log + 1] = 'tostring ' .. o.id return 'obj' .. o.id end }
      local function work(n, o, p)
        local out = {}
        for i = 1, n do
          local x = string.rep('ab', 2) .. i
          if i % 3000 == 0 then out[#out + 1] = string.format('%s|%s|%s', string.sub(x, 2, 3), o, p) end
        end
        return table.concat(out, ',')
      end
      local function run(n) return work(n, setmetatable({ id = 1 }, Obj), setmetatable({ id = 2 }, Obj)) end
      print(run(7000))
      print(table.concat(log, ','))`;
    expect(processCode(FORMAT)).toMatch(/let work\$\d+ = mkT\(/);
    expect(await linesOf(FORMAT)).toEqual(['ba|obj1|obj2,ba|obj1|obj2', 'tostring 1,tostring 2,tostring 1,tostring 2']);
  });

  it('a busy string loop still gives way and is terminated', async () => {
    expect(await runBesideBusy('local function spin(s) local h = 0 while true do for i = 1, #s do h = (h * 31 + string.byte(s, i)) % 2147483647 end end end spin("abc")')).toEqual(BUSY_ENDED);
  });
});

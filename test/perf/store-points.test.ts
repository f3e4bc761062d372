// Store points of frame transfer (compiler/emit/transfer.ts TransferPlan.stores, statements.ts storePoints). A store of
// an assignment whose slow path leaves the transfer copy (a `__newindex` to run) hands over every target's table and key
// and every value; the resume form does that store and the ones after it from them, so a multiple assignment to tables
// is admitted: nothing of the statement runs twice. These tests leave at every place (the budget of long loops, a
// handler with a twin, one without, a `__newindex` that appears between statements, a callee whose copy leaves; nested
// loops with breaks left and entered again) and compare with what lua5.1 prints.
import { describe, expect, it } from 'vitest';
import { BUSY_ENDED, linesOf, processCode, runBesideBusy } from '../support/process-harness.js';

const STORES = `
  local log = {}
  local function note(s) log[#log + 1] = s end
  -- a __newindex handler with a loop has a twin: the copy's store leaves there
  local Slow = { __newindex = function(t, k, v) for j = 1, 2 do end note('slow ' .. tostring(k) .. '=' .. tostring(v)) rawset(t, k, v) end }
  -- one without a loop has none, but a copy defers it too
  local Count = { __newindex = function(t, k, v) note('count ' .. tostring(k) .. '=' .. tostring(v)) rawset(t, k, v) end }
  -- a known function with a copy: a nested site, whose copy leaves at its budget
  local function looped(x) local s = 0 for j = 1, 5000 do s = s + j % 3 end return x + s end

  local function work(n)
    local perm, other = {}, {}
    for i = 1, 16 do perm[i] = i; other[i] = -i end
    local a, b = 0, 0
    local sum = 0
    for r = 1, n do
      local i, j = r % 16 + 1, (r * 7) % 16 + 1
      perm[i], perm[j] = perm[j], perm[i]
      other[j], a = perm[i] + other[j], a + 1
      if r == 7001 then
        local s1 = setmetatable({}, Slow)
        -- the right store leaves first: nothing is done yet
        perm[1], s1.x = 'p1', 'x1'
        -- the left store leaves after the right one was done raw
        local s2 = setmetatable({}, Slow)
        s2.y, perm[2] = 'y2', 'p2'
        -- a local left of a store that leaves gets its value in the resume form
        b, s2.z = 'b3', 'z3'
        -- a handler without a twin is deferred too; then the store left of it leaves again
        local c = setmetatable({}, Count)
        s1.v, c.k = 'v4', 'k4'
        -- __newindex appears between the statements of one pass
        local t = {}
        setmetatable(t, Slow)
        t.q, t.q2 = 'armed', 'after'
        -- a callee whose copy leaves before the store
        perm[3], t.w = looped(5), looped(6)
        local p1 = perm[1]
        local p2 = perm[2]
        local x = rawget(s1, 'x')
        local q = rawget(t, 'q')
        note(p1 .. ' ' .. p2 .. ' ' .. b .. ' ' .. x .. ' ' .. q .. ' ' .. perm[3])
        perm[1], perm[2], perm[3] = 1, 2, 3
      end
      sum = sum + perm[1] + other[16]
    end
    return sum, a
  end
  local function run(n) return work(n) end
  print(run(30000))
  print(run(7001))
  for i = 1, #log do print(log[i]) end`;

const ONE_RUN = ['slow x=x1', 'slow y=y2', 'slow z=z3', 'count k=k4', 'slow v=v4', 'slow q2=after', 'slow q=armed', 'slow w=5007', 'p1 p2 b3 x1 armed 5006'];

const LOOPS = `
  local hooks = { tick = function(n) local s = 0 for j = 1, n do s = s + j end return s end }
  local function work(n, step)
    local total, passes = 0, 0
    local i = 0
    while i < n do
      i = i + 1
      local k = 0
      repeat
        k = k + 1
        for j = n, 1, step do
          total = total + j % 7
          if j % 1000 == 3 then break end
        end
        if k == 2 and i % 50 == 0 then hooks.tick(1) end
      until k >= 3
      for idx, v in ipairs({ 3, 1, 2 }) do
        if v == 2 then break end
        total = total + idx * v
        if i == 77 then hooks.tick(2) end
      end
      passes = passes + 1
      if i == n - 1 then break end
    end
    return total, passes, i
  end
  local function run(n, s) return work(n, s) end
  print(run(300, -1))
  print(run(120, -3))
  print(run(5, -1))`;

describe('store points', () => {
  it('admits multiple assignments to tables, and stores after nothing that changes anything', () => {
    const swap = 'local function f(p, n) for i = 1, n do local j = n - i + 1 p[i], p[j] = p[j], p[i] end end return f';
    expect(processCode(swap)).toMatch(/let f\$\d+ = mkT\(/);
    // the frame's `$st` holds the saved stores (its helper's last field, given an array)
    expect(processCode(swap)).toMatch(/function (\$fr\d+_\d+)\([^)]*, \$st\) \{ return \{ [^}]*, \$st \}; \}[^]*\1\([^()]*, \[/);
    // a store after a call that may change anything (table.remove changes its table) keeps the old rule: running the
    // statement again, so it may not leave there
    const after = 'local function f(t) for i = 1, 2 do end t.n = table.remove(t) end return f';
    expect(processCode(after)).toMatch(/let f\$\d+ = mkY\([^]*no transfer copy: line 1: may leave after an effect \(RREBE\)/);
  });

  it('names the rule that refused a copy beside the twin', () => {
    const refused = 'local function f(t) for i = 1, 2 do end goto done ::done:: return t end return f';
    expect(processCode(refused)).toMatch(/let f\$\d+ = mkY\([^]*\/\* no transfer copy: a goto or a label \*\/\)/);
    const effect = 'local function f(t) for i = 1, 2 do end local a = table.remove(t) .. t.x end return f';
    expect(processCode(effect)).toMatch(/\/\* no transfer copy: line 1: may leave after an effect \(RRERB\) \*\/\)/);
  });

  it('runs each store, handler and call once when the copy leaves at any store', async () => {
    expect(processCode(STORES)).toMatch(/let work\$\d+ = mkT\(/);
    expect(await linesOf(STORES)).toEqual(['449550000\t30000', '24401961\t7001', ...ONE_RUN, ...ONE_RUN]);
  });
});

describe('loops left and entered again', () => {
  it('keeps nested while, repeat, numeric and generic loops with breaks exact across pauses and calls', async () => {
    expect(processCode(LOOPS)).toMatch(/let work\$\d+ = mkT\(/);
    expect(await linesOf(LOOPS)).toEqual(['808795\t299\t299', '44149\t119\t119', '164\t4\t4']);
  });

  it('a busy function called from a main still gives way and is terminated', async () => {
    expect(await runBesideBusy('local function spin(t) local i = 0 while true do i = i + 1 t[i % 8 + 1], t[1] = i, t[2] end end spin({})')).toEqual(BUSY_ENDED);
  });
});

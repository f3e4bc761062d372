// Lua callbacks of library functions in a process: a table.sort comparator or a string.gsub function that loops runs
// as its generator twin when process-mode generator code calls the library function (its may-defer form,
// runtime/lib/table/index.ts sortM, runtime/lib/string/gsub-y.ts), so it gives way like `while true do end` and
// process.terminate ends it. Results are those of the plain versions; coroutine.yield inside stays refused (Lua 5.1).
import { describe, expect, it } from 'vitest';
import { runBodies, runMain } from '../../support/process-harness.js';
import { tickBeside } from './real-time.js';

/** main spawns app:busy monitored, sleeps (so a busy process that never gives way freezes it), terminates it. */
const MAIN = `
  local time = require("time")
  local busy = process.spawn_monitored("app:busy", "app:processes")
  time.sleep("5ms")
  print("terminate", process.terminate(busy))
  local ev = process.events():receive()
  print(ev.kind == process.event.EXIT, ev.from == busy)
  return "ok"`;

async function runBusy(busy: string): Promise<string[]> {
  // a high backstop: only giving way (not the backstop) can let main terminate busy
  const { exit, lines } = await runBodies(MAIN, { 'app:busy': busy }, undefined, ['time', 'ctx'], { maxRunMs: 60_000 });
  expect(exit?.error).toBeUndefined();
  return lines;
}

const TERMINATED = ['terminate\ttrue', 'true\ttrue'];

describe('table.sort comparators in a process', () => {
  it('a comparator that loops forever gives way and is terminated', async () => {
    expect(await runBusy('table.sort({3, 1, 2}, function(a, b) while true do end end)')).toEqual(TERMINATED);
  });

  it('through pcall and a local alias too (the twin of table.sort)', async () => {
    expect(
      await runBusy('local sort = table.sort pcall(sort, {3, 1, 2}, function(a, b) while true do end end)'),
    ).toEqual(TERMINATED);
  });

  it('does not starve a sleeping process (real time)', async () => {
    const r = await tickBeside('table.sort({3, 1, 2, 5, 4}, function(a, b) while true do end end)', 30);
    expect(r.terminated).toBe(true);
    expect(r.maxGapMs).toBeLessThan(200);
  }, 60_000);

  it('sorts as the plain version does, equal keys and an inconsistent order included', async () => {
    const code = `
      local function run(cmp)
        local t = {}
        for i = 1, 300 do t[i] = { k = (i * 7919) % 17, id = i } end
        table.sort(t, cmp)
        local out = {}
        for i = 1, #t do out[i] = t[i].id end
        return table.concat(out, ",")
      end
      -- both comparators loop, so both have twins in process mode
      local function byKey(a, b) for _ = 1, 1 do end return a.k < b.k end
      local function odd(a, b) for _ = 1, 1 do end return (a.id * 31) % 7 < (b.id * 13) % 5 end`;
    // main (generator code: the twin sort) and the chunk's top level (plain code: the plain sort) sort the same tables
    const source = `${code}
      local plainByKey, plainOdd = run(byKey), run(odd)
      return { main = function()
        print(run(byKey) == plainByKey, run(odd) == plainOdd)
        print(#plainByKey > 0, plainByKey ~= plainOdd)
      end }`;
    const { exit, lines } = await runMain({ 'app:main': { source, modules: ['time'] } }, 'app:main');
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['true\ttrue', 'true\ttrue']);
  });

  it('coroutine.yield inside a comparator still raises (Lua 5.1: no yield across a C call)', async () => {
    const { exit, lines } = await runBodies(`
      local co = coroutine.create(function()
        table.sort({3, 1, 2}, function(a, b) for _ = 1, 1 do end coroutine.yield() return a < b end)
      end)
      local ok, err = coroutine.resume(co)
      print(ok, err)`);
    expect(exit?.error).toBeUndefined();
    expect(lines[0]).toMatch(/^false\t.*attempt to yield across a C-call boundary$/);
  });
});

describe('string.gsub function replacements in a process', () => {
  it('a replacement that loops forever gives way and is terminated', async () => {
    expect(await runBusy('string.gsub("abc", "%w", function(c) while true do end end)')).toEqual(TERMINATED);
  });

  it('as a method call, and with several captures (more than a deferred call carries)', async () => {
    expect(await runBusy('local s = "a=1;b=2" s:gsub("(%w)=(%w)", function(k, v) while true do end end)')).toEqual(
      TERMINATED,
    );
    expect(
      await runBusy('string.gsub("abcd", "(a)(b)(c)(d)", function(a, b, c, d) while true do end end)'),
    ).toEqual(TERMINATED);
  });

  it("a table replacement whose __index loops forever gives way too", async () => {
    expect(
      await runBusy('local t = setmetatable({}, { __index = function(_, k) while true do end end }) string.gsub("abc", "%w", t)'),
    ).toEqual(TERMINATED);
  });

  it('does not starve a sleeping process (real time)', async () => {
    const r = await tickBeside('string.gsub("hello world", "%w+", function(w) while true do end end)', 30);
    expect(r.terminated).toBe(true);
    expect(r.maxGapMs).toBeLessThan(200);
  }, 60_000);

  it('replaces as the plain version does (every search path: literal, class run, RegExp, interpreter)', async () => {
    const code = `
      local function up(...) for _ = 1, 1 do end local t = {...} return (t[1]):upper() .. #t end
      local function keep(x) for _ = 1, 1 do end if x == "b" then return false end return "<" .. x .. ">" end
      local function run()
        local out = {}
        local s = "alpha beta=1 gamma=22 ab ab (x(y)z) 2024"
        local function add(a, b) out[#out + 1] = tostring(a) .. "/" .. tostring(b) end
        add(string.gsub(s, "ab", up))
        add(string.gsub(s, "%d+", up))
        add(string.gsub(s, "(%w+)=(%w+)", up))
        add(string.gsub(s, "%b()", up))
        add(string.gsub(s, "()(%a)", function(p, c) for _ = 1, 1 do end return p .. c end, 5))
        add(string.gsub(s, "%f[%w]%w", keep))
        add(string.gsub(s, "", keep))
        add(string.gsub("abc", "^a", keep))
        local tbl = setmetatable({ a = "1" }, { __index = function(_, k) for _ = 1, 1 do end return k == "b" and 2 or nil end })
        add(string.gsub("abcab", "%w", tbl))
        add(string.gsub("k=v, x=y", "(%w+)=(%w+)", setmetatable({}, { __index = { k = "K" } })))
        return table.concat(out, "|")
      end`;
    const source = `${code}
      local plain = run()
      return { main = function()
        local twin = run()
        print(twin == plain)
        print(plain)
      end }`;
    const { exit, lines } = await runMain({ 'app:main': { source, modules: ['time'] } }, 'app:main');
    expect(exit?.error).toBeUndefined();
    expect(lines[0]).toBe('true');
    expect(lines[1]).toContain('AB1 AB1');
    expect(lines[1]).toContain('(X(Y)Z)1');
  });

  it('coroutine.yield inside a replacement still raises (Lua 5.1)', async () => {
    const { exit, lines } = await runBodies(`
      local co = coroutine.create(function()
        string.gsub("abc", "%w", function(c) for _ = 1, 1 do end coroutine.yield() return c end)
      end)
      print(coroutine.resume(co))`);
    expect(exit?.error).toBeUndefined();
    expect(lines[0]).toMatch(/^false\t.*attempt to yield across a C-call boundary$/);
  });
});

// Metamethods run as twins in process mode (runtime/core/defer.ts) must give the results they gave as plain calls:
// the same program prints in a process what lua5.1 prints, and Lua 5.1's rule that a metamethod cannot yield holds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/index.js';
import { runReferenceLuaFile } from '../../support/reference-lua.js';
import { REPO_ROOT } from '../../support/repo.js';
import { runBodies } from '../../support/process-harness.js';

const FIXTURE = 'test/process/liveness/fixtures/metamethod-results.lua';

describe('metamethod results in a process', () => {
  it('the fixture really takes the deferred path (its handlers have twins and its main calls the D forms)', () => {
    const src = `return { main = function(...)\n${readFileSync(join(REPO_ROOT, FIXTURE), 'utf8')}\nend }`;
    const out = compile(src, { file: 'f.lua', chunkName: 'f.lua', processMode: true });
    expect(out.ok).toBe(true);
    const code = out.ok ? out.code : '';
    for (const op of ['indexD', 'setindexD', 'eqmetaD', 'ltD', 'leD', 'arithD', 'unmD', 'concatD']) {
      expect(code).toContain(`${op}(`);
    }
  });

  it('prints what lua5.1 prints', async () => {
    const ref = await runReferenceLuaFile(FIXTURE);
    expect(ref.status).toBe(0);
    const { exit, lines } = await runBodies(readFileSync(join(REPO_ROOT, FIXTURE), 'utf8'));
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(ref.stdout.split('\n').filter((l) => l !== ''));
  });

  it('Wippy-only behaviours keep their results: __len of a table, %s through __tostring, tostring of any type', async () => {
    const { exit, lines } = await runBodies(`
      local function busy() local s = 0 for i = 1, 5 do s = s + i end return s end
      local mt = {
        __len = function(...) busy() return select('#', ...) end,
        __tostring = function(o) busy() return "obj" end,
      }
      local o = setmetatable({}, mt)
      print(#o, tostring(o), string.format("<%5s|%-4s>", o, o), ("%s!"):format(o))
      local n = setmetatable({}, { __tostring = function() busy() return 42 end })
      print(tostring(n), n, string.format("%s", n))
      local bad = setmetatable({}, { __tostring = function() busy() return {} end })
      print(type(tostring(bad)), pcall(print, bad))
      print(pcall(string.format, "%s", bad))`);
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual([
      '2\tobj\t<  obj|obj >\tobj!',
      '42\t42\t42',
      "table\tfalse\t'__tostring' must return a string",
      "false\t'__tostring' must return a string",
    ]);
  });
});

describe('what a metamethod may not do, and what it may', () => {
  it('coroutine.yield inside a metamethod is refused, and a pcall inside the handler sees the error', async () => {
    // Lua 5.1 lvm.c: metamethods are called through luaD_call, which sets nCcalls, so lua_yield fails with
    // "attempt to yield across metamethod/C-call boundary" (moonforge's wording has no "metamethod/", as elsewhere).
    const { exit, lines } = await runBodies(`
      local function busy() local s = 0 for i = 1, 5 do s = s + i end return s end
      local t = setmetatable({}, {
        __index = function(_, k) busy() coroutine.yield(k) return "after" end,
        __add = function(a, b) busy() return select(2, pcall(coroutine.yield, 1)) end,
      })
      local co = coroutine.create(function() local v = t.x return "not reached", v end)
      local ok, err = coroutine.resume(co)
      print(ok, err, coroutine.status(co))
      co = coroutine.create(function() return t + 1 end)
      print(coroutine.resume(co))
      print(pcall(function() for i = 1, 1 do local v = t.y end end))`);
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual([
      'false\tattempt to yield across a C-call boundary\tdead',
      'true\tattempt to yield across a C-call boundary',
      'false\tattempt to yield across a C-call boundary',
    ]);
  });

  it('a blocking receive inside a metamethod blocks the process until the message comes, as on Wippy', async () => {
    // Wippy runs metamethods in Go (go-lua), where a channel receive simply blocks the process's goroutine.
    const { exit, lines } = await runBodies(`
      local time = require("time")
      local ch = channel.new()
      coroutine.spawn(function() time.sleep("5ms") ch:send("late value") end)
      local t = setmetatable({}, { __index = function(_, k) local v = ch:receive() return k .. "=" .. v end })
      print(t.key)
      local inbox = process.inbox()
      local cfg = setmetatable({}, { __index = function(_, k) return inbox:receive():payload():data() end })
      process.send(process.pid(), "m", "from inbox")
      print(cfg.anything)`);
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['key=late value', 'from inbox']);
  });

  it('an error inside a deferred metamethod reaches the process with its Lua position', async () => {
    const { exit } = await runBodies(`
      local function busy() local s = 0 for i = 1, 5 do s = s + i end return s end
      local t = setmetatable({}, { __index = function(_, k) busy() local cfg = nil return cfg[k] end })
      while true do local v = t.missing end`);
    expect(String((exit?.error as { message?: unknown })?.message ?? exit?.error))
      .toBe("app_main.lua:4: attempt to index a nil value (local 'cfg')");
  });
});

describe('a raised value whose __tostring never returns', () => {
  it('does not hang the node when its process fails: the exit text falls back to the address', async () => {
    // The exit text is made outside the process (proc.ts errorText), where nothing can give way; before, the handler
    // ran there to no end and every process of the node stopped.
    const { exit, lines } = await runBodies(`
      local time = require("time")
      local child = process.spawn_monitored("app:raiser", "app:processes")
      local ev = process.events():receive()
      print(ev.kind == process.event.EXIT, ev.from == child, tostring(ev.result.error):match("^table: 0x") ~= nil)
      error(setmetatable({}, { __tostring = function() local n = 0 while true do n = n + 1 end end }))`,
      { 'app:raiser': 'error(setmetatable({}, { __tostring = function() while true do end end }))' });
    expect(lines).toEqual(['true\ttrue\ttrue']);
    expect(String((exit?.error as { message?: unknown })?.message ?? exit?.error)).toMatch(/^table: 0x[0-9a-f]+$/);
  });
});

// Tracebacks of uncaught errors: the message, `stack traceback:`, then one `\tfile:line: in function 'name'` line per
// Lua frame (mapped through the source map), innermost first, down to `in main chunk`. Exit status 1, stdout kept.
import { describe, expect, it, vi } from 'vitest';
import { runScriptCli } from '../support/moonforge-cli.js';

vi.setConfig({ testTimeout: 30_000 });

async function uncaught(text: string): Promise<string> {
  const r = await runScriptCli(text);
  expect(r.status).toBe(1);
  return r.stderr;
}

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

describe.concurrent('tracebacks', () => {
  it('nested local and global functions', async () => {
    const src = [
      'local function inner(x)',
      '  return x.field + 1',
      'end',
      'local function middle(x)',
      '  local r = inner(x)',
      '  return r',
      'end',
      'function outer()',
      '  local v = middle(nil)',
      '  return v',
      'end',
      'outer()',
    ].join('\n');
    expect(await uncaught(src)).toBe(lines(
      "main.lua:2: attempt to index a nil value (local 'x')",
      'stack traceback:',
      "\tmain.lua:2: in function 'inner'",
      "\tmain.lua:5: in function 'middle'",
      "\tmain.lua:9: in function 'outer'",
      '\tmain.lua:12: in main chunk',
    ));
  });

  it('a method is named Obj:m, a field function M.f', async () => {
    const src = [
      'local Obj = {}',
      'Obj.__index = Obj',
      'function Obj.new() return setmetatable({}, Obj) end',
      'local M = {}',
      'function M.helper(o)',
      '  return o:m(nil)',
      'end',
      'function Obj:m(n)',
      '  local y = n.missing',
      '  return y',
      'end',
      'local r = M.helper(Obj.new())',
    ].join('\n');
    expect(await uncaught(src)).toBe(lines(
      "main.lua:9: attempt to index a nil value (local 'n')",
      'stack traceback:',
      "\tmain.lua:9: in function 'Obj:m'",
      "\tmain.lua:6: in function 'M.helper'",
      '\tmain.lua:12: in main chunk',
    ));
  });

  it('an anonymous function is function <file:line> (the line where it is defined)', async () => {
    const src = [
      'local function run(f)',
      '  f()',
      'end',
      'local g = function()',
      '  local t = nil',
      '  print(t[1])',
      'end',
      'run(g)',
      'print("not reached")',
    ].join('\n');
    expect(await uncaught(src)).toBe(lines(
      "main.lua:6: attempt to index a nil value (local 't')",
      'stack traceback:',
      '\tmain.lua:6: in function <main.lua:4>',
      "\tmain.lua:2: in function 'run'",
      '\tmain.lua:8: in main chunk',
    ));
  });

  // The call after a function literal argument's body gets its own source-map segment (compiler/emit/calls.ts).
  it('a call with a function literal argument keeps its frame', async () => {
    const src = 'local function run(f)\n  f()\nend\nrun(function()\n  local t = nil\n  print(t[1])\nend)\n';
    expect(await uncaught(src)).toBe(lines(
      "main.lua:6: attempt to index a nil value (local 't')",
      'stack traceback:',
      '\tmain.lua:6: in function <main.lua:4>',
      "\tmain.lua:2: in function 'run'",
      '\tmain.lua:4: in main chunk',
    ));
  });

  it('frames of proper tail calls below the bounce limit are still shown', async () => {
    const src = 'local function a()\n  local x = nil\n  return x.y\nend\nlocal function b()\n  return a()\nend\nlocal function c()\n  local r = b()\n  return r\nend\nc()\n';
    expect(await uncaught(src)).toBe(lines(
      "main.lua:3: attempt to index a nil value (local 'x')",
      'stack traceback:',
      "\tmain.lua:3: in function 'a'",
      "\tmain.lua:6: in function 'b'",
      "\tmain.lua:9: in function 'c'",
      '\tmain.lua:12: in main chunk',
    ));
  });

  it('an error inside a coroutine.wrap function: the coroutine frames, then the resumer', async () => {
    const src = [
      'local function deep()',
      '  local n = nil',
      '  return n + 1',
      'end',
      'local co = coroutine.wrap(function()',
      '  coroutine.yield(1)',
      '  deep()',
      'end)',
      'co()',
      'co()',
    ].join('\n');
    const err = await uncaught(src);
    expect(err.split('\n').slice(1).join('\n')).toBe(lines(
      'stack traceback:',
      "\tmain.lua:3: in function 'deep'",
      '\tmain.lua:7: in function <main.lua:5>',
      '\tmain.lua:10: in main chunk',
    ));
  });

  // Lua 5.1 (and 5.4) coroutine.wrap prefixes a string error with the position of the wrap call:
  // "main.lua:10: main.lua:3: attempt to ..." (runtime/core/coroutine.ts wrapError).
  it('coroutine.wrap adds the resumer position to a string error (Lua 5.1 auxwrap)', async () => {
    const src = 'local co = coroutine.wrap(function()\n  local q\n  q()\nend)\nco()\n';
    expect((await uncaught(src)).split('\n')[0]).toBe("main.lua:5: main.lua:3: attempt to call a nil value (local 'q')");
  });

  it('an error in coroutine.resume is returned; re-raised with level 0 it is traced from there', async () => {
    const src = 'local co = coroutine.create(function()\n  local z\n  return z.f\nend)\nlocal ok, e = coroutine.resume(co)\nprint(ok, e)\nerror(e, 0)\n';
    const r = await runScriptCli(src);
    expect(r).toEqual({
      timedOut: false,
      status: 1,
      stdout: "false\tmain.lua:3: attempt to index a nil value (local 'z')\n",
      stderr: lines("main.lua:3: attempt to index a nil value (local 'z')", 'stack traceback:', '\tmain.lua:7: in main chunk'),
    });
  });

  it('errors caught by pcall print nothing; a later uncaught one is traced', async () => {
    const src = [
      'local function bad() error("oops") end',
      'print(pcall(bad))',
      'print(pcall(function() local u; return u.x end))',
      'print(xpcall(bad, function(m) return "handled: " .. m end))',
      'local function caller()',
      '  local ok = pcall(bad)',
      '  local cfg = nil',
      '  return cfg.name',
      'end',
      'caller()',
    ].join('\n');
    const r = await runScriptCli(src);
    expect(r).toEqual({
      timedOut: false,
      status: 1,
      stdout: lines('false\tmain.lua:1: oops', "false\tmain.lua:3: attempt to index a nil value (local 'u')", 'false\thandled: main.lua:1: oops'),
      stderr: lines("main.lua:8: attempt to index a nil value (local 'cfg')", 'stack traceback:', "\tmain.lua:8: in function 'caller'", '\tmain.lua:10: in main chunk'),
    });
  });

  it('an error raised inside a pcall-ed function that escapes a second level is traced to the outer frames', async () => {
    const src = 'local function f()\n  local ok, e = pcall(function() return nil + 1 end)\n  local t = nil\n  return t.x\nend\nf()\n';
    expect(await uncaught(src)).toBe(lines(
      "main.lua:4: attempt to index a nil value (local 't')",
      'stack traceback:',
      "\tmain.lua:4: in function 'f'",
      '\tmain.lua:6: in main chunk',
    ));
  });

  it('error(table) uncaught: the note and a traceback', async () => {
    expect(await uncaught('local function f()\n  error({})\nend\nf()\n')).toBe(lines(
      '(error object is not a string)',
      'stack traceback:',
      "\tmain.lua:2: in function 'f'",
      '\tmain.lua:4: in main chunk',
    ));
  });

  // error("msg") captures the call sites once, for its position and for the traceback.
  it('error("msg") uncaught has a traceback', async () => {
    expect(await uncaught('local function f()\n  error("boom")\nend\nf()\n')).toBe(lines(
      'main.lua:2: boom',
      'stack traceback:',
      "\tmain.lua:2: in function 'f'",
      '\tmain.lua:4: in main chunk',
    ));
  });

  it('a library error names the Lua frames, not JS internals', async () => {
    expect(await uncaught('local function f(s)\n  return s:rep(-1, 2, 3) .. string.rep()\nend\nf("x")\n')).toBe(lines(
      "main.lua:2: bad argument #1 to 'rep' (string expected, got no value)",
      'stack traceback:',
      "\tmain.lua:2: in function 'f'",
      '\tmain.lua:4: in main chunk',
    ));
  });
  // Under a plain pcall an error captures only the frames its position needs (runtime/core/errors.ts PROTECTED): the
  // count goes back down however the pcall ends, so an error raised after caught ones still has its whole traceback.
  it('an uncaught error after errors caught by pcall and xpcall has its whole traceback', async () => {
    const src = [
      'local function bad(v) error(v) end',
      'for i = 1, 50 do',
      '  pcall(bad, "caught")',
      '  pcall(bad, { i })',
      '  xpcall(function() bad("x") end, function(m) return m end)',
      '  pcall(string.rep)',
      'end',
      'local function f()',
      '  error("boom")',
      'end',
      'local function g() f() end',
      'g()',
    ].join('\n');
    expect(await uncaught(src)).toBe(lines(
      'main.lua:9: boom',
      'stack traceback:',
      "\tmain.lua:9: in function 'f'",
      "\tmain.lua:11: in function 'g'",
      '\tmain.lua:12: in main chunk',
    ));
  });
});

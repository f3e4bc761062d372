// Proper tail calls do not grow the stack (a 1,000,000-deep tail-recursive loop, mutual recursion, methods), ordinary
// recursion of 5,000 levels works, and runaway recursion is a catchable Lua "stack overflow" error.
import { describe, expect, it, vi } from 'vitest';
import { runScriptCli } from '../support/moonforge-cli.js';

vi.setConfig({ testTimeout: 30_000 });

async function output(text: string): Promise<string> {
  const r = await runScriptCli(text);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe.concurrent('tail calls', () => {
  it('a 1,000,000-deep tail-recursive loop', async () => {
    expect(await output('local function loop(n, acc)\n  if n == 0 then return acc end\n  return loop(n - 1, acc + 1)\nend\nprint(loop(1000000, 0))\n')).toBe('1000000\n');
  });
  it('mutual tail recursion between two functions (global and local)', async () => {
    const src = 'local odd\nfunction even(n) if n == 0 then return true end return odd(n - 1) end\nodd = function(n) if n == 0 then return false end return even(n - 1) end\nprint(even(1000000), odd(1000001), even(999999))\n';
    expect(await output(src)).toBe('true\ttrue\tfalse\n');
  });
  it('through a method call', async () => {
    const src = 'local C = {}\nC.__index = C\nfunction C:count(n)\n  if n == 0 then return self.total end\n  self.total = self.total + 1\n  return self:count(n - 1)\nend\nprint(setmetatable({total = 0}, C):count(1000000))\n';
    expect(await output(src)).toBe('1000000\n');
  });
  it('with varargs and multiple results', async () => {
    const src = 'local function f(n, ...) if n == 0 then return select("#", ...), ... end return f(n - 1, ...) end\nprint(f(1000000, 1, nil, 3))\n';
    expect(await output(src)).toBe('3\t1\tnil\t3\n');
  });
  // `return self(...)` where self is a table with __call: lua5.1 runs it (OP_TAILCALL resolves __call and stays a
  // tail call); a callable table in tail position is deferred and the trampoline resolves its __call.
  it('through __call', async () => {
    const src = 'local T = setmetatable({}, {__call = function(self, n, a) if n == 0 then return a, "end" end return self(n - 1, a + 2) end})\nprint(T(1000000, 0))\n';
    expect(await output(src)).toBe('2000000\tend\n');
  });
  it('inside pcall and inside a coroutine that yields along the way', async () => {
    const src = [
      'local function loop(n) if n == 0 then return "done" end return loop(n - 1) end',
      'print(pcall(loop, 1000000))',
      'local function tly(n) if n == 0 then return "done" end if n % 250000 == 0 then coroutine.yield(n) end return tly(n - 1) end',
      'local co = coroutine.wrap(function() return tly(1000000) end)',
      'print(co(), co(), co(), co(), co())',
    ].join('\n');
    expect(await output(src)).toBe('true\tdone\n1000000\t750000\t500000\t250000\tdone\n');
  });
});

describe.concurrent('recursion depth', () => {
  it('5,000-deep ordinary recursion works, also inside pcall and a coroutine', async () => {
    const src = [
      'local function rec(n) if n == 0 then return 0 end return 1 + rec(n - 1) end',
      'print(rec(5000))',
      'print(pcall(rec, 5000))',
      'print(coroutine.wrap(function() return rec(5000) end)())',
      'local function ry(n) if n == 0 then coroutine.yield("bottom") return 0 end return 1 + ry(n - 1) end',
      'local co = coroutine.create(function() return ry(3000) end)',
      'print(coroutine.resume(co))',
      'print(coroutine.resume(co))',
    ].join('\n');
    expect(await output(src)).toBe('5000\ntrue\t5000\n5000\ntrue\tbottom\ntrue\t3000\n');
  });
  // Inside a coroutine, calls of known local functions are held by the coroutine's driver (runtime/core/trampoline.ts)
  // rather than nested on the JS stack, so such a recursion is bounded by the driver's 20,000 held calls, as lua5.1's
  // is by its C stack (~20,000 levels); it overflowed between 3,000 and 4,000 levels when each level was a yield* chain.
  it('5,000-deep recursion of a function that yields, inside a coroutine', async () => {
    const src = 'local function ry(n) if n == 0 then coroutine.yield("bottom") return 0 end return 1 + ry(n - 1) end\nlocal co = coroutine.create(function() return ry(5000) end)\nprint(coroutine.resume(co))\nprint(coroutine.resume(co))\n';
    expect(await output(src)).toBe('true\tbottom\ntrue\t5000\n');
  });
  it('1e6-deep recursion is a catchable "stack overflow" error', async () => {
    const src = [
      'local function rec(n) if n == 0 then return 0 end return 1 + rec(n - 1) end',
      'local ok, e = pcall(rec, 1e6)',
      'print(ok, type(e), (string.find(e, "stack overflow", 1, true)) ~= nil)',
      'local ok2, e2 = pcall(function() local function f() return 1 + f() end return f() end)',
      'print(ok2, (string.find(e2, "stack overflow", 1, true)) ~= nil)',
      'local ok3, e3 = pcall(coroutine.wrap(function() return rec(1e6) end))',
      'print(ok3, (string.find(e3, "stack overflow", 1, true)) ~= nil)',
      '-- the program goes on normally after the overflow',
      'print(rec(100))',
    ].join('\n');
    expect(await output(src)).toBe('false\tstring\ttrue\nfalse\ttrue\nfalse\ttrue\n100\n');
  });
  it('runaway recursion through a metamethod is caught too', async () => {
    const src = 'local t = setmetatable({}, {})\ngetmetatable(t).__index = function(t, k) return t[k + 1] end\nlocal ok, e = pcall(function() return t[1] end)\nprint(ok, (string.find(e, "stack overflow", 1, true)) ~= nil)\n';
    expect(await output(src)).toBe('false\ttrue\n');
  });
  it('uncaught, it exits 1 with a Lua message, no JS stack', async () => {
    const r = await runScriptCli('local function f() return 1 + f() end\nf()\n');
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/^(main\.lua:1: )?stack overflow/);
    expect(r.stderr).not.toMatch(/\.m?js|\n\s+at /);
  });
});

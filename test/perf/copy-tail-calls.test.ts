// Tail calls in transfer copies (compiler/emit/calls.ts, runtime/core/transfer.ts bounceT). A copy's tail call past
// the tail call depth is deferred as in the plain version (TAIL), and a copy's nested site bounces it through the
// callees' copies, leaving only where a callee has a twin and no copy; so it leaves nowhere after its arguments, and a
// tail call whose arguments hold a call (`return f(g(x))`, `return fn(unpack(t, 1, n))`, `return down(n - 1,
// bump(acc))`) no longer refuses its function a copy. These programs run chains of such tail calls far past the depth (through known local
// functions, closures passed as values, a method, a `__call` table, varargs, a site whose multiple results are the
// call's arguments, links that spend their budget), count every call made in the arguments, raise errors in the
// callee, and compare with what lua5.1 prints.
import { describe, expect, it } from 'vitest';
import { BUSY_ENDED, linesOf, processCode, runBesideBusy } from '../support/process-harness.js';

const CHAINS = `
  local counter = 0
  local function dec(x) counter = counter + 1 return x - 1 end
  local function bump(x) counter = counter + 1 return x end

  -- a known function with a copy whose tail call's arguments hold an effect
  local function down(n, acc)
    for j = 1, 1 do end
    if n == 0 then return acc, counter end
    return down(n - 1, bump(acc + 2))
  end

  -- a chain through closures passed as values (unknown callees)
  local even, odd
  even = function(n) for j = 1, 1 do end if n == 0 then return true, 'even' end return odd(dec(n)) end
  odd = function(n) for j = 1, 1 do end if n == 0 then return false, 'odd' end return even(dec(n)) end

  -- compose, as closures.lua
  local function compose(f, g) return function(x) return f(g(x)) end end
  local function inc(x) for j = 1, 1 do end return x + 1 end
  local function twice(x) return x * 2 end

  -- varargs forwarded through a tail call after an effect
  local function fwd(n, ...)
    for j = 1, 1 do end
    if n == 0 then return select('#', ...), ... end
    return fwd(dec(n), ...)
  end

  -- a method's tail call
  local Obj = {}
  Obj.__index = Obj
  function Obj:walk(n, acc)
    for j = 1, 1 do end
    if n == 0 then return acc end
    return self:walk(n - 1, bump(acc + n))
  end

  -- a callable table in tail position
  local callable = setmetatable({}, { __call = function(self, n, acc)
    for j = 1, 1 do end
    if n == 0 then return acc end
    return self(n - 1, bump(acc + 1))
  end })
  local function viaCallable(n) for j = 1, 1 do end return callable(dec(n), 0) end

  -- a tail call that is also a nested site, with a multi-valued argument: f(g())
  local function pair(x) for j = 1, 1 do end return x, x + 1 end
  local function sum2(a, b) for j = 1, 1 do end return a + b end
  local function k(x) return sum2(pair(dec(x))) end
  local function ks(n) local s = 0 for i = 1, n do s = s + k(i) end return s end

  -- errors in the callee keep their message
  local function boom(x) for j = 1, 1 do end error('boom ' .. x, 0) end
  local function nilIndex(x) for j = 1, 1 do end local t = nil return t.x end
  local function toNil(n) for j = 1, 1 do end if n == 0 then return nilIndex(dec(7)) end return toNil(dec(n)) end
  local function toBoom(n) for j = 1, 1 do end if n == 0 then return boom(dec(7)) end return toBoom(dec(n)) end

  -- a long loop in each link: the copy leaves at its budget inside the chain
  local function heavy(n, acc)
    local s = 0
    for j = 1, 2000 do s = s + j % 7 end
    if n == 0 then return acc end
    return heavy(n - 1, bump(acc + s))
  end

  local function curry(fn, ...)
    local bound = { n = select('#', ...), ... }
    return function(...)
      local all = { unpack(bound, 1, bound.n) }
      local extra = { n = select('#', ...), ... }
      for i = 1, extra.n do all[bound.n + i] = extra[i] end
      return fn(unpack(all, 1, bound.n + extra.n))
    end
  end

  print(down(100000, 0))
  print(even(100001))
  print(odd(5000))
  local h = compose(inc, compose(twice, inc))
  local s = 0
  for i = 1, 1000 do s = s + h(i) end
  print(s)
  print(fwd(20000, 'a', nil, 3))
  print(setmetatable({}, Obj):walk(30000, 0))
  print(viaCallable(1000))
  print(ks(3000))
  print(pcall(toBoom, 400))
  print(pcall(toBoom, 3))
  print(pcall(toNil, 400))
  print(heavy(3000, 0))
  local c = curry(function(a, b, c2, d) return a, b, c2, d end, 1, nil)
  local t = 0
  for i = 1, 2000 do local a, b, c2, d = c(i, 2) t = t + a + c2 + d end
  print(t)
  print(counter)`;

// lua5.1's lines for CHAINS (the error message of an index of nil is moonforge's)
const CHAINS_LINES = [
  '200000\t100000',
  'false\todd',
  'false\todd',
  '1004000',
  '3\ta\tnil\t3',
  '450015000',
  '999',
  '9000000',
  'false\tboom 6',
  'false\tboom 6',
  // lua5.1: attempt to index local 't' (a nil value)
  "false\tapp_main.lua:56: attempt to index a nil value (local 't')",
  '18000000',
  '2007000',
  '262807',
];

describe('tail calls in transfer copies', () => {
  it('admits functions whose tail call has a call in its arguments, and keeps the other rules', () => {
    const compose = processCode('local function compose(f, g) return function(x) return f(g(x)) end end return compose');
    expect(compose).toMatch(/return ret1\(mkT\(/);
    // in the copy, past the depth the call is deferred as in the plain version, and the site below bounces it
    // through the callees' copies
    expect(compose).toMatch(/\(function anon\$F\d+\$t\(x\$\d+\) \{[^]*\(\$site = \d+, \$c\d+ = [^]*=== TAIL \? bounceT\(\)[^]*R\.td\+\+ < 150 \? [^]* : tail\(f\$\d+, \[/);
    const forward = 'local n = 0 local function tracing(nxt, ...) n = n + 1 for i = 1, 1 do end return nxt(tostring(n), ...) end return tracing';
    expect(processCode(forward)).toMatch(/let tracing\$\d+ = mkT\(/);
    // a place that may leave after an effect in the arguments still refuses the copy: `+` may run a handler
    const after = 'local c = 0 local function bump(x) c = c + 1 return x end local function f(n) for i = 1, 1 do end return f(bump(n) + 1) end return f';
    expect(processCode(after)).toMatch(/let f\$\d+ = mkY\([^]*no transfer copy: line 1: may leave after an effect \(\(EB\)M\)/);
  });

  it('runs chains of tail calls through copies far past the depth, each call in the arguments once', async () => {
    const code = processCode(`return function(...) ${CHAINS} end`);
    for (const f of ['down', 'inc', 'fwd', 'viaCallable', 'k', 'toBoom', 'toNil', 'heavy']) expect(code).toMatch(new RegExp(`\\b${f}\\$\\d+ = mkT\\(`)); // `let f = mkT(`, or in f's maker `return f = mkT(`
    expect(await linesOf(CHAINS)).toEqual(CHAINS_LINES);
  });

  it('leaves at the site that bounces a deferred call of a function with a twin and no copy', async () => {
    // deep(149) makes s's own tail call the 151st: tostring is deferred, and run's copy, bouncing it at its site,
    // leaves there (tostring has a twin, for the __tostring below, and no copy); the resume form runs the call
    expect(
      await linesOf(`
        local runs = 0
        local T = setmetatable({}, { __tostring = function(t) local s = 0 for i = 1, 10 do s = s + i end runs = runs + 1 return 'T' .. s end })
        local function s(x) return tostring(x) end
        local function deep(n) for j = 1, 1 do end if n == 0 then return s(T) end return deep(n - 1) end
        local function run(n) for j = 1, 1 do end local r = deep(n) return r .. '!' end
        print(run(149), run(299), run(1000), runs)`),
    ).toEqual(['T55!\tT55!\tT55!\t3']);
  });

  it('gives way, and is ended, in an endless chain of tail calls through copies', async () => {
    expect(
      await runBesideBusy(`
        local n = 0
        local function bump(x) n = n + 1 return x end
        local ping, pong
        ping = function(i) for j = 1, 1 do end return pong(bump(i + 1)) end
        pong = function(i) for j = 1, 1 do end return ping(bump(i + 1)) end
        local function go() for j = 1, 1 do end return ping(0) end
        go()`),
    ).toEqual(BUSY_ENDED);
  });
});

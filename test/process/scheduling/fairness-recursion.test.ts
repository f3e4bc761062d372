// Fairness of processes (issue 4) for computations without loops: endless tail calls and long recursion give way at
// the budget (process-mode twins count at entry, compiler/emit/functions.ts; recursive local functions get twins,
// compiler/emit/context.ts preemptRecursion), so others keep running and process.terminate ends them.
import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/index.js';
import { runBodies } from '../../support/process-harness.js';

/** main spawns app:busy (monitored), lets it run, terminates it and reports the EXIT event it receives. */
const MAIN = `
  local time = require("time")
  local busy = process.spawn_monitored("app:busy", "app:processes")
  time.sleep("1ms")
  print("terminate", process.terminate(busy))
  local ev = process.events():receive()
  print(ev.kind == process.event.EXIT, ev.from == busy)
  return "ok"`;

async function runBusy(busy: string): Promise<string[]> {
  const { exit, lines, app } = await runBodies(MAIN, { 'app:busy': busy });
  expect(exit?.error).toBeUndefined();
  expect(exit?.value).toBe('ok');
  expect(app.rt.node.procs.size).toBe(0);
  return lines;
}

const EXPECTED = ['terminate\ttrue', 'true\ttrue'];

describe('recursion in a process gives way', () => {
  it('endless tail recursion (the tail-call bounce) is preempted and terminated', async () => {
    expect(await runBusy('local function f(n) return f(n + 1) end f(0)')).toEqual(EXPECTED);
  });

  it('endless tail recursion started by a tail call of the main function', async () => {
    expect(await runBusy('local function f(n) return f(n + 1) end return f(0)')).toEqual(EXPECTED);
  });

  it('endless mutual tail recursion through a nested local function', async () => {
    expect(
      await runBusy(`
        local function outer(n)
          local function inner(m) return outer(m + 1) end
          return inner(n)
        end
        outer(0)`),
    ).toEqual(EXPECTED);
  });

  it('a long mutual (non-tail) recursion between two local functions', async () => {
    expect(
      await runBusy(`
        local function f(n)
          local function g(m) return f(m - 1) + f(m - 2) end
          if n < 2 then return n end
          return g(n)
        end
        print(f(60))`),
    ).toEqual(EXPECTED);
  });

  it('a long loop-free recursive computation (naive fib) is preempted and terminated', async () => {
    expect(
      await runBusy('local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end print(fib(60))'),
    ).toEqual(EXPECTED);
  });

  it('a recursive function stored in a table field (an unknown callee) is preempted too', async () => {
    expect(
      await runBusy('local t = {} function t.fib(n) if n < 2 then return n end return t.fib(n - 1) + t.fib(n - 2) end t.fib(60)'),
    ).toEqual(EXPECTED);
  });

  it('two processes in long recursions both make progress and are terminated', async () => {
    const { exit, lines } = await runBodies(
      `
      local time = require("time")
      local a = process.spawn("app:rec", "app:processes", "a", process.pid())
      local b = process.spawn("app:rec", "app:processes", "b", process.pid())
      local inbox = process.inbox()
      local seen = { a = 0, b = 0 }
      -- Both must make progress while the other runs. How many messages one sends in a turn depends on the
      -- machine's speed (a turn is ~1 ms of copies, COPY_SLICE_MS; a fast machine sent five before the other
      -- ran), so the count is taken over 60 messages, at least a dozen turns: a starved process sends none.
      local got = 0
      while got < 60 and (seen.a < 3 or seen.b < 3) do
        local m = inbox:receive()
        seen[m:topic()] = seen[m:topic()] + 1
        got = got + 1
      end
      print(process.terminate(a), process.terminate(b))
      print(seen.a >= 3, seen.b >= 3)`,
      {
        'app:rec': `
          local name, parent = ...
          local n = 0
          local function fib(k)
            n = n + 1
            if n % 20000 == 0 then process.send(parent, name, n) end
            if k < 2 then return k end
            return fib(k - 1) + fib(k - 2)
          end
          fib(80)`,
      },
    );
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['true\ttrue', 'true\ttrue']);
  });

  it('recursion that finishes gives the right results across preemptions', async () => {
    const { exit, lines } = await runBodies(`
      local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
      local function count(n, acc) if n == 0 then return acc end return count(n - 1, acc + 1) end
      local function walk(d) if d == 0 then coroutine.yield(1) return end walk(d - 1) walk(d - 1) end
      local s = 0
      for v in coroutine.wrap(function() walk(10) end) do s = s + v end
      print(fib(22), count(100000, 0), s)`);
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['17711\t100000\t1024']);
  });

  it('a coroutine resumed from plain code (a metamethod) runs on through its preemptions', async () => {
    const { exit, lines } = await runBodies(`
      local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
      local co = coroutine.create(function(n) coroutine.yield(fib(n)) return "end" end)
      local t = setmetatable({}, { __index = function(_, k) return select(2, coroutine.resume(co, k)) end })
      print(t[20], t[0], coroutine.status(co))`);
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['6765\tend\tdead']);
  });
});

describe('the compiled checks', () => {
  const SRC = `
    local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
    local function add(a, b) return a + b end
    return fib(10) + add(1, 2)`;

  it('process mode gives recursive local functions a twin that counts the budget at entry', () => {
    const out = compile(SRC, { file: 'x.lua', chunkName: 'x.lua', processMode: true });
    expect(out.ok).toBe(true);
    expect(out.code).toMatch(/function\* fib\$F\d+\$y\(n\$\d+\) \{\n(let [^\n]*\n)?if \(--BUDGET\.n < 0\) yield\* preemptY\(\);/);
    // a non-recursive, loop-free local function stays plain
    expect(out.code).not.toMatch(/function\* add\$F/);
  });

  it('plain scripts have no budget checks and no extra twins', () => {
    const out = compile(SRC, { file: 'x.lua', chunkName: 'x.lua' });
    expect(out.ok).toBe(true);
    expect(out.code.includes('BUDGET.n')).toBe(false);
    expect(out.code).not.toMatch(/function\* fib\$F/);
  });
});

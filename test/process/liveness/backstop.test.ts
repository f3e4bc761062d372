// The liveness backstop (runtime/core/preempt.ts): code that cannot give way — here loops in plain code, the chunk's
// top level run while the process starts — is stopped once it has run longer than the runtime's maxRunMs, with a
// Lua-worded error that pcall cannot catch; its monitor gets EXIT with that error and the other processes go on.
import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/index.js';
import { makeApp, runBodies } from '../../support/process-harness.js';
import { BUDGET } from '../../../runtime/core/preempt.js';

/** main spawns app:busy monitored, lets a ticker run, and prints the EXIT busy sends and what the ticker did. */
const MAIN = `
  local time = require("time")
  local busy = process.spawn_monitored("app:busy", "app:processes")
  local ev = process.events():receive()
  print(ev.kind == process.event.EXIT, ev.from == busy)
  print(tostring(ev.result.error))
  time.sleep("3ms")
  print("alive")
  return "ok"`;

/** A process whose chunk spins at its top level (plain code: a chunk runs to completion when loaded). */
function spinningChunk(loop: string): string {
  return `${loop}\nreturn { main = function() return "never" end }`;
}

async function runSpinner(loop: string, maxRunMs: number): Promise<{ lines: string[]; ms: number }> {
  const app = await makeApp(
    {
      'app:main': { source: `return { main = function(...)\n${MAIN}\nend }`, modules: ['time'] },
      'app:busy': { source: spinningChunk(loop), modules: ['time'] },
    },
    undefined,
    { maxRunMs },
  );
  let exit: { value: unknown; error: unknown } | undefined;
  const t0 = performance.now();
  app.rt.spawn('app:main', 'app:processes', []).onExit.push((r) => {
    exit = r;
  });
  app.settle();
  const ms = performance.now() - t0;
  expect(exit?.error).toBeUndefined();
  expect(exit?.value).toBe('ok');
  expect(app.rt.node.procs.size).toBe(0);
  return { lines: app.output.join('').split('\n').filter((l) => l !== ''), ms };
}

// (the `chunk:line: ` prefix is checked through the real CLI, test/adversarial/liveness/backstop-plain-loop: under
// vitest, library errors of process tests carry no position)
const STOPPED = /process ran for more than 50 ms without giving way \(it was stopped\)$/;

describe('the liveness backstop', () => {
  it('stops a loop in plain code after maxRunMs; the monitor gets EXIT with a Lua error', async () => {
    const { lines, ms } = await runSpinner('while true do end', 50);
    expect(lines[0]).toBe('true\ttrue');
    expect(lines[1]).toMatch(STOPPED);
    expect(lines[2]).toBe('alive');
    expect(ms).toBeLessThan(2000);
  });

  it('pcall cannot catch it (a pcall retry loop would outlive it)', async () => {
    const { lines } = await runSpinner('while true do pcall(function() while true do end end) end', 50);
    expect(lines[1]).toMatch(STOPPED);
  });

  it('nor can xpcall or coroutine.resume', async () => {
    const { lines } = await runSpinner(
      `while true do
         xpcall(function() while true do end end, function(e) return e end)
         coroutine.resume(coroutine.create(function() while true do end end))
       end`,
      50,
    );
    expect(lines[1]).toMatch(STOPPED);
  });

  it('endless recursion without loops in plain code is stopped too (plain entries count)', async () => {
    const { lines } = await runSpinner('local function f(n) return f(n + 1) end f(0)', 50);
    expect(lines[1]).toMatch(STOPPED);
  });

  it('an honest plain loop shorter than the limit finishes', async () => {
    const { exit, lines } = await runBodies(
      `local t = setmetatable({}, { __index = function(_, n) local s = 0 for i = 1, n do s = s + i end return s end })
       print(t[1000000])`,
      {},
      undefined,
      ['time'],
      { maxRunMs: 5000 },
    );
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['500000500000']);
  });

  it('plain code run by the host outside a task is not timed', () => {
    expect(BUDGET.limit).toBe(0);
  });
});

describe('the compiled check of plain versions', () => {
  it('process mode counts the budget in plain versions (back-edges and entry), plain scripts do not', () => {
    const src = 'local function f() while true do end end local function g(n) return g(n) end';
    const proc = compile(src, { file: 'x.lua', processMode: true });
    const plain = compile(src, { file: 'x.lua' });
    if (!proc.ok || !plain.ok) throw new Error('compile failed');
    // f and g: one back-edge check in f's plain body, an entry check in each plain body
    expect(proc.code.match(/BUDGET\.out\(\)/g)?.length).toBe(3);
    expect(plain.code).not.toMatch(/--BUDGET/);
  });
});

// Hot loops (compiler/emit/statements.ts hotLoop): a process-mode loop whose body cannot yield keeps its budget
// check's yield outside the loop and is entered again at its test after giving way. These tests hold that such loops
// still give way (fairness-busy.test.ts covers the endless ones) and that a loop paused many times in the middle
// computes what the same loop computes unpaused: control values, steps, breaks, closures per iteration.
import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/index.js';
import { BUDGET_SLICE } from '../../../runtime/core/preempt.js';
import { BUSY_ENDED, runBesideBusy, runBodies } from '../../support/process-harness.js';

/** Loops long enough to be paused several times each (a slice is BUDGET_SLICE back-edges). */
const N = BUDGET_SLICE * 3 + 7;

const LOOPS = `
  local N = ${N}
  local s = 0
  for i = 1, N do s = s + i end
  local d = 0
  for i = N, 1, -3 do d = d + i end
  local f = 0
  for x = 0, N / 10, 0.5 do f = f + x end
  local r = 0
  for i = 1, N do i = i * 2 r = r + i end
  local step = 2
  local v = 0
  for i = 1, N, step do v = v + i end
  local w, k = 0, 0
  while k < N do k = k + 1 w = w + k % 7 end
  local u, j = 0, 0
  repeat local nj = j + 1 j = nj u = u + nj until nj >= N
  local b = 0
  for i = 1, N * 10 do if i > N + 5 then break end b = b + 1 end
  local fs = {}
  for i = 1, N do if i % 1000 == 0 then fs[#fs + 1] = function() return i end end end
  local c = 0
  for _, g in ipairs(fs) do c = c + g() end
  local nest = 0
  for a = 1, 40 do for z = 1, N / 20 do nest = nest + a end end
  local last
  for i = 1, N do local sq = i * i last = function() return i + sq end end
  local co = coroutine.wrap(function()
    local acc = 0
    for i = 1, N do acc = acc + i end
    coroutine.yield(acc)
    while acc > 0 do acc = acc - 3 end
    return acc
  end)
  local y1, y2 = co(), co()
  print(s, d, f, r, v, w, u, b, c, nest, last(), y1, y2)`;

describe('hot loops in a process', () => {
  it('compile with no yield inside the loop, the check leaving it for the yield', () => {
    const out = compile('local function f(n) local s = 0 for i = 1, n do s = s + i * i end return s end return f', {
      file: 'x.lua', chunkName: 'x.lua', processMode: true,
    });
    expect(out.ok).toBe(true);
    const code = out.ok ? out.code : '';
    const twin = code.slice(code.indexOf('function*'));
    const loop = /L\d+: for \(; [^]*?\n\}\nif \(!\$\d+\) break;\nyield\* preemptY\(\);/.exec(twin)?.[0];
    expect(loop).toBeDefined();
    expect(loop!.slice(0, loop!.indexOf('if (!$')).includes('yield')).toBe(false);
  });

  it('a loop whose body may yield keeps its check inside (a call of an unknown function)', () => {
    const out = compile('local function f(g, n) for i = 1, n do g(i) end end return f', {
      file: 'x.lua', chunkName: 'x.lua', processMode: true,
    });
    expect(out.ok && out.code.includes('for (;;)')).toBe(false);
  });

  it('compute across many pauses what they compute unpaused', async () => {
    const { exit, lines } = await runBodies(`local function main() ${LOOPS} end main()`);
    expect(exit?.error).toBeUndefined();
    const s = (N * (N + 1)) / 2;
    let d = 0;
    for (let i = N; i >= 1; i -= 3) d += i;
    let f = 0;
    for (let x = 0; x <= N / 10; x += 0.5) f += x;
    let v = 0;
    for (let i = 1; i <= N; i += 2) v += i;
    let w = 0;
    for (let k = 1; k <= N; k++) w += k % 7;
    let c = 0;
    for (let i = 1000; i <= N; i += 1000) c += i;
    let nest = 0;
    for (let a = 1; a <= 40; a++) for (let z = 1; z <= N / 20; z++) nest += a;
    let y2 = s;
    while (y2 > 0) y2 -= 3;
    expect(lines).toEqual([[s, d, f, 2 * s, v, w, s, N + 5, c, nest, N + N * N, s, y2].join('\t')]);
  });

  it('an endless hot loop with work in it gives way and is terminated', async () => {
    expect(await runBesideBusy('local x = 0.5 while true do x = x * 1.0001 + 0.1 end')).toEqual(BUSY_ENDED);
    expect(await runBesideBusy('local i = 0 repeat i = i + 1 until i < 0')).toEqual(BUSY_ENDED);
  });
});

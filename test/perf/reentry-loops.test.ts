// The transfer copy entered again (`f.$u`, compiler/emit/statements.ts passesAfter): a copy that leaves at its budget
// is entered again where it left, runs the rest of the pass it left as walking code, and the later passes of each
// loop around it as plain code. These tests hold that the later passes are emitted plain, that a function left
// hundreds of times at its budget, in nested loops of every kind with floats, ints, strings and tables in its locals,
// gives what lua5.1 gives for the same program, and that such a function still gives way.
import { describe, expect, it } from 'vitest';
import { BUSY_ENDED, linesOf, processCode, runBesideBusy, sleeperEndsBusy } from '../support/process-harness.js';
import { referenceLuaOutput } from '../support/reference-lua.js';

/** The text of the JS function named `name` in `code` (up to the next form). */
function form(code: string, name: RegExp): string {
  const at = code.search(name);
  expect(at).toBeGreaterThanOrEqual(0);
  const end = code.indexOf('}), ', at);
  return code.slice(at, end < 0 ? undefined : end);
}

// Long enough as a process's main to leave at its budget hundreds of times (a copy leaves once its turn has run 1 ms).
const WORK = `
local function work(n)
  local fsum, isum, s, t = 0.0, 0, "", {}
  -- numeric for, negative step, a float kernel in a while with a break
  for y = n, 1, -1 do
    local c = y / n - 0.5
    local zr, zi, k = 0.0, 0.0, 0
    while k < 40 do
      local zr2 = zr * zr - zi * zi + c
      zi = 2.0 * zr * zi + 0.25
      zr = zr2
      k = k + 1
      if zr * zr + zi * zi > 4.0 then break end
    end
    fsum = fsum + zr * 0.5 + k
    isum = (isum + k * y) % 1000003
    if y % 997 == 0 then s = s .. k % 10 end
  end
  -- repeat-until reading a body local, a table grown and read back
  local i = 0
  repeat
    local step = i % 3 + 1
    i = i + step
    t[#t + 1] = i
  until i > n / 10
  -- generic fors over ipairs and pairs, nested
  local keys = 0
  for r = 1, 40 do
    for j, v in ipairs(t) do
      if j % 4 == 0 then isum = (isum + v) % 1000003 end
    end
    for _, v in pairs({ a = r, b = r * 2.5 }) do fsum = fsum + v end
    keys = keys + 1
  end
  return fsum, isum, s, #t, keys
end
`;

describe('a copy entered again in a process', () => {
  it('runs the passes after the one it is entered in as plain code', () => {
    const code = processCode(`${WORK}\nlocal function main() return work(10) end\nreturn main`);
    const reenter = form(code, /function work\$F\d+\$u\(/);
    const copy = form(code, /function work\$F\d+\$t\(/);
    // the float kernel's statement: once in the copy; in the copy entered again, walked for its pass and plain after
    const kernel = /\* 0\.25|\+ 0\.25/g;
    expect(copy.match(kernel)?.length).toBe(1);
    expect(reenter.match(kernel)!.length).toBeGreaterThanOrEqual(3);
    // a later pass has no walk: the statement is not guarded there
    const lines = reenter.split('\n');
    const guarded = lines.map((l, i) => /\+ 0\.25/.test(l) && lines[i - 1] === 'if ($rs === 0) {');
    expect(guarded.filter((g) => g)).toHaveLength(1);
  });

  it('gives what lua5.1 gives when left hundreds of times in nested loops', async () => {
    const call = 'local f, i, s, n, k = work(200000) print(string.format("%.6f", f), i, s, n, k)';
    const expected = referenceLuaOutput(`${WORK}\n${call}`).split('\n').filter((l) => l !== '');
    expect(expected).toHaveLength(1);
    expect(await linesOf(`${WORK}\n${call}`)).toEqual(expected);
  });

  it('still gives way and is ended while looping in a later pass', async () => {
    const busy = `
      local function spin(n)
        local f, s = 0.5, 0
        for i = 1, n do
          local j = 0
          while true do j = j + 1 f = f * 1.0000001 s = s + j % 3 end
        end
      end
      spin(10)`;
    expect(await runBesideBusy(busy)).toEqual(BUSY_ENDED);
    const { exit } = await sleeperEndsBusy(busy);
    expect(exit.error).toBeUndefined();
    expect(exit.value).toBe(true);
  });
});

// A copy whose callee's copy leaves at its budget (a nested call) goes on as its resume form, which hands back to the
// copy entered again at its next back-edge (`toCopy`, runtime/core/transfer.ts drive): the later passes of `outer`'s
// loop run plain between its pauses, however often its callee leaves.
const NESTED = `
local function kernel(n)
  local s = 0.0
  for i = 1, n do s = s + (i % 7) * 0.5 end
  return s
end
local function outer(rounds)
  local acc, cnt, str = 0.0, 0, ""
  for r = 1, rounds do
    acc = acc + kernel(2000 + r % 13)
    cnt = cnt + r % 5
    if r % 500 == 0 then str = str .. (cnt % 10) end
  end
  return acc, cnt, str
end
`;

describe('a resume form in a process', () => {
  it('hands back to its copy at a back-edge', () => {
    const code = processCode(`${NESTED}\nlocal function main() return outer(10) end\nreturn main`);
    const resume = form(code, /function\* outer\$F\d+\$r\(/);
    expect(resume).toMatch(/if \(this\.\$b\.tf < 6 && \(this\.\$b\.ts === 0 \|\| --this\.\$b\.ts === 0\)\) return toCopy\(\d+, \$fr\d+_\d+\([^)]*acc\$\d+[^)]*\)\);/);
  });

  it('gives what lua5.1 gives when its callee leaves hundreds of times', async () => {
    const call = 'local a, c, s = outer(6000) print(string.format("%.3f", a), c, s)';
    const expected = referenceLuaOutput(`${NESTED}\n${call}`).split('\n').filter((l) => l !== '');
    expect(expected).toHaveLength(1);
    expect(await linesOf(`${NESTED}\n${call}`)).toEqual(expected);
  });
});

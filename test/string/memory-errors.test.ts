// A string past what one JS string can hold (~512 MiB) is Lua's "not enough memory", with the position of the Lua
// code, whichever operation ran into V8's limit: it was `internal error: RangeError: Invalid string length`.
import { expect, it } from 'vitest';
import { runScriptBatch } from '../support/script-batch.js';
import { runScriptCli } from '../support/moonforge-cli.js';

it('concatenation, table.concat and gsub past the longest string raise "not enough memory"', async () => {
  const prelude = 'local s = string.rep("x", 2^27)\n'; // 128 MiB: five of them are past the limit
  const out = await runScriptBatch({
    concat: `${prelude}print(pcall(function() return s..s..s..s..s end))`,
    tableConcat: `${prelude}print(pcall(table.concat, {s, s, s, s, s}))`,
    gsub: 'print(pcall(string.gsub, string.rep("x", 2^20), "", string.rep("y", 2^10)))',
    uncaught: `${prelude}local t = s..s..s..s..s`,
  });
  expect(out.concat).toEqual({ stdout: 'false\tmain.lua:2: not enough memory\n' });
  expect(out.tableConcat).toEqual({ stdout: 'false\tmain.lua:2: not enough memory\n' });
  expect(out.gsub).toEqual({ stdout: 'false\tmain.lua:1: not enough memory\n' });
  // with the Lua traceback read back from the JS error's stack (errors.ts sitesOf)
  expect(out.uncaught).toEqual({ stdout: '', error: 'main.lua:2: not enough memory\nstack traceback:\n\tmain.lua:2: in main chunk' });
}, 60_000);

it('gsub making millions of small replacements stays within a small heap (its rope of pieces took ~64 B a piece)', async () => {
  // 2^24 replacements under a 512 MiB heap: the rope of pieces alone was ~1 GiB and the node died of OOM
  const r = await runScriptCli('local r, n = string.gsub(string.rep("x", 2^24), "x", "yy")\nprint(#r, n)\n', {
    env: { NODE_OPTIONS: '--max-old-space-size=512', MOONFORGE_CACHE: 'off' },
  });
  expect(r).toEqual({ status: 0, stdout: '33554432\t16777216\n', stderr: '', timedOut: false });
}, 60_000);

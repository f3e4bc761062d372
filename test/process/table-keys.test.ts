// Table stores with a nil or NaN key in a process: Wippy's VM does not raise for `t[k] = v` or `{[k] = v}` (go-lua's
// table.go checks keys only in rawset), and Wippy's own suite relies on it (wippyai/runtime
// tests/app/src/test/funcs/parallel.lua stores `results[i]` with `i` nil and passes). moonforge drops such a store
// (runtime/core/ops.ts ModuleInfo.lenientKeys); a plain script still raises as lua5.1 does (test/runtime-errors).
import { describe, expect, it } from 'vitest';
import { runBodies } from '../support/process-harness.js';

describe('nil and NaN keys in a process', () => {
  it('t[nil] = v, t[0/0] = v and {[nil] = v} do not raise; the table is unchanged', async () => {
    const { exit, lines } = await runBodies(`
      local t = { 1 }
      local k
      t[k] = "x"
      t[0/0] = "y"
      local c = { [k] = 1, 2 }
      local n = 0
      for _ in pairs(t) do n = n + 1 end
      print(n, t[1], t[k], #c, c[1])
      print(pcall(rawset, t, k, 1))
      return "ok"
    `);
    expect(exit?.error).toBeUndefined();
    expect(lines).toEqual(['1\t1\tnil\t1\t2', 'false\ttable index is nil']);
  });

  it('a __newindex handler still sees the nil key', async () => {
    const { lines } = await runBodies(`
      local seen = "none"
      local t = setmetatable({}, { __newindex = function(_, k, v) seen = tostring(k) .. "=" .. v end })
      t[nil] = "v"
      print(seen)
    `);
    expect(lines).toEqual(['nil=v']);
  });
});

// The iterator function `ipairs` returns. Generated generic-for loops compare the loop's function with it (the ABI's
// IPAIRS) and, when it is this one over a table, read the array part inline instead of calling it per element: the
// same raw reads (Lua 5.1's ipairs ignores __index), without a call and a results register per step.
import { ret1, ret2 } from './results.js';
import { LuaTable, rawget } from './table.js';

export function ipairsIter(t: unknown, i: unknown): unknown {
  const n = (i as number) + 1;
  const v = t instanceof LuaTable ? rawget(t, n) : undefined;
  if (v === undefined) return ret1(undefined);
  return ret2(n, v);
}

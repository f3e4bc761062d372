// Every table created without an array part shares one empty array (runtime/core/table.ts EMPTY_ARRAY), so writers
// must replace it instead of pushing into it. This runs table-building code through every writer (compiled stores,
// setindex, rawset, table.insert/remove/sort/concat, constructors, next) and checks that the shared array is still
// empty and that empty tables stayed independent.
import { describe, expect, it } from 'vitest';
import { EMPTY_ARRAY, LuaTable, rawset } from '../../runtime/core/table.js';
import { ARR } from '../../runtime/core/symbols.js';
import { referenceLuaOutput } from '../support/reference-lua.js';
import { runScriptInProcess } from '../support/script-in-process.js';
import { setindex, setlist, createModuleInfo } from '../../runtime/core/ops.js';

const SRC = `
local out = {}
local function grow(t, n) for i = 1, n do t[#t + 1] = i end return t end
local a = grow({}, 3)
local b = {}
b[1] = "x"
local c = setmetatable({}, { __index = {} })
c[1] = "y"
c.name = "n"
local d = {}
table.insert(d, "i")
local e = {}
table.insert(e, 1, "j")
local f = {}
rawset(f, 1, "r")
local g = { k = 1 }
g[1] = "rec"
local h = {}
h[2] = "two"
h[1] = "one"
local p = {}
local function param(t, v) t[#t + 1] = v end
param(p, "q")
local s = {}
table.sort(s)
table.remove(s)
local r = { x = 1 }
r.x = nil
r[1] = 1
r[1] = nil
r[#r + 1] = "again"
local empties = {}
for i = 1, 5 do empties[i] = {} end
empties[3][1] = "only"
local fresh = {}
out[#out + 1] = #a .. #b .. #c .. #d .. #e .. #f .. #g .. #h .. #p .. #s .. #r .. #fresh .. #empties[3] .. #empties[2]
out[#out + 1] = tostring(next(fresh)) .. table.concat(d) .. table.concat(e) .. f[1] .. g[1] .. h[1] .. h[2] .. p[1] .. r[1]
print(table.concat(out, " "))
`;

describe('the shared empty array part', () => {
  it('stays empty while every writer appends to empty tables', async () => {
    expect(await runScriptInProcess(SRC, { name: 'empty.lua' })).toBe(referenceLuaOutput(SRC));
    expect(EMPTY_ARRAY.length).toBe(0);

    // the runtime's own entry points
    const M = createModuleInfo('t', [[1]], []);
    const t1 = new LuaTable();
    setindex(t1, 1, 'a', M, 0);
    const t2 = new LuaTable();
    rawset(t2, 1, 'b');
    const t3 = new LuaTable();
    setlist(t3, ['c']);
    expect([t1, t2, t3].map((t) => t[ARR])).toEqual([['a'], ['b'], ['c']]);
    expect(EMPTY_ARRAY.length).toBe(0);
    expect(new LuaTable()[ARR]).toBe(EMPTY_ARRAY);
  });
});

// Differential checks (lua5.1 vs moonforge) of the metamethod fast paths of runtime/core/ops.ts: operator handlers
// read by name and called directly, same-metatable comparisons, __newindex/__call functions, deep __index chains.
// Only the status of some errors is compared: their wording (go-lua's operand placement) is not Lua 5.1's.
import { describe, expect, it } from 'vitest';
import { runScriptCli } from '../support/moonforge-cli.js';
import { referenceLuaOutput } from '../support/reference-lua.js';

async function both(name: string, code: string): Promise<{ lua: string; mf: string }> {
  const lua = referenceLuaOutput(code, { name: `${name}.lua` });
  const r = await runScriptCli(code, { name: `${name}.lua` });
  return { lua, mf: r.stdout + r.stderr };
}

const CASES: Record<string, string> = {
  arithmetic_handlers: `
    local log = {}
    local A = {}
    for _, e in ipairs({'add', 'sub', 'mul', 'div', 'mod', 'pow', 'unm', 'concat'}) do
      A['__' .. e] = function(a, b) log[#log + 1] = e .. ':' .. type(a) .. ',' .. type(b); return e, 'extra' end
    end
    local B = { __add = function(a, b) return 'B+' end }
    local a, b = setmetatable({}, A), setmetatable({}, B)
    print(a + 1, 1 + a, a + b, b + a, a - '2', '2' - a, a * a, a / 0, a % 2, 2 ^ a, -a, a .. 'x', 'x' .. a)
    print(b + 1, 1 + b, (pcall(function() return b - 1 end)))
    print(select('#', a + 1), (a + 1))
    print(table.concat(log, ' '))
    local C = setmetatable({}, { __add = 5 })
    print((pcall(function() return C + 1 end)))
    print(pcall(function() return 1 + setmetatable({}, {}) end))
    print(pcall(function() return setmetatable({}, {}) + setmetatable({}, A) end))
    print(pcall(function() return '10' + setmetatable({}, A) end))
    local T = setmetatable({}, { __add = function(x, y) return select('#', x, y) end, __unm = function(x, y) return rawequal(x, y) end })
    print(T + nil, -T)
    -- a handler ending in a tail call
    local function deep(n) if n == 0 then return 'done' end return deep(n - 1) end
    local D = setmetatable({}, { __mul = function() return deep(500) end, __lt = function() return deep(300) end })
    print(D * 2, D < D)
  `,
  comparison_handlers: `
    local function lt(a, b) return a.v < b.v end
    local function le(a, b) return a.v <= b.v end
    local M1 = { __lt = lt, __le = le, __eq = function(a, b) return a.v == b.v end }
    local M2 = { __lt = lt, __le = le, __eq = M1.__eq }
    local M3 = { __lt = function(a, b) return true end }
    local M4 = { __lt = function(a, b) return a.v < b.v end }
    local x, y = setmetatable({ v = 1 }, M1), setmetatable({ v = 2 }, M1)
    local z = setmetatable({ v = 1 }, M2)
    local w = setmetatable({ v = 5 }, M3)
    local u = setmetatable({ v = 7 }, M4)
    print(x < y, y < x, x <= y, y <= x, x == y, x == z, x ~= z, x < z, z <= x)
    print(pcall(function() return x < w end))
    print(pcall(function() return w < w end), pcall(function() return w <= w end))
    print(pcall(function() return u <= u end), pcall(function() return u <= setmetatable({ v = 1 }, M4) end))
    print(pcall(function() return x < 1 end), pcall(function() return {} < {} end))
    local E = { __eq = function() return nil end }
    local e1, e2 = setmetatable({}, E), setmetatable({}, E)
    print(e1 == e2, e1 ~= e2, e1 == e1, setmetatable({}, {}) == setmetatable({}, {}))
    local F1, F2 = { __eq = function() return true end }, { __eq = function() return true end }
    print(setmetatable({}, F1) == setmetatable({}, F2), setmetatable({}, F1) == setmetatable({}, F1))
  `,
  newindex_call_and_chains: `
    local log = {}
    local P = setmetatable({}, {
      __index = function(t, k) return k == 'x' and 'X' or nil end,
      __newindex = function(t, k, v) log[#log + 1] = tostring(k) .. '=' .. tostring(v); rawset(t, k, v) end,
      __call = function(self, ...) return select('#', ...), ... end,
    })
    P.a = 1; P[2] = 'two'; P.a = 3; P[true] = false
    print(P.x, P.a, P[2], P[true], table.concat(log, ' '))
    print(P(), P(nil), P(1, nil, 3))
    local NI = setmetatable({}, { __newindex = setmetatable({}, { __newindex = function(t, k, v) log[#log + 1] = 'deep ' .. k end }) })
    NI.q = 1
    print(log[#log], rawget(NI, 'q'))
    -- a four-level __index chain of classes, methods found at every level, overridden and removed
    local A = { name = function() return 'A' end, a = function() return 'a' end }
    A.__index = A
    local B = setmetatable({ name = function() return 'B' end }, A)
    B.__index = B
    local C = setmetatable({}, B)
    C.__index = C
    local D = setmetatable({}, C)
    D.__index = D
    local o = setmetatable({}, D)
    print(o:name(), o:a(), o.missing)
    B.name = nil
    print(o:name())
    C.a = function() return 'C.a' end
    print(o:a(), (pcall(function() return o:nothing() end)))
    local f = setmetatable({}, { __index = function(t, k) return function(self, v) return k .. v end end })
    print(f:hello('!'), f.bye(f, '?'))
  `,
};

describe('metamethod fast paths agree with lua5.1', () => {
  for (const [name, code] of Object.entries(CASES)) {
    it(name, async () => {
      const { lua, mf } = await both(name, code);
      expect(mf).toBe(lua);
    });
  }
});

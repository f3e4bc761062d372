local eqcalls = 0
local mt = { __eq = function(a, b) eqcalls = eqcalls + 1 return a.id == b.id end }
local a = setmetatable({ id = 1 }, mt)
local b = setmetatable({ id = 1 }, mt)
local c = setmetatable({ id = 2 }, mt)
print(a == b, a == c, a ~= b, a ~= c, eqcalls)
print(a == a, eqcalls)
print(a == 1, a == "x", eqcalls)
local plain = { id = 1 }
print(a == plain, plain == a)
-- Lua 5.1: __eq is used only when both operands share the same __eq metamethod
local other = setmetatable({ id = 1 }, { __eq = function() return true end })
print(a == other)
local mt2 = { __eq = mt.__eq }
local d = setmetatable({ id = 1 }, mt2)
print(a == d)

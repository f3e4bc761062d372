local mt = {}
mt.__lt = function(a, b) return a.v < b.v end
mt.__le = function(a, b) return a.v <= b.v end
local function V(v) return setmetatable({ v = v }, mt) end
print(V(1) < V(2), V(2) < V(1), V(1) <= V(1), V(2) <= V(1))
print(V(1) > V(2), V(2) >= V(2))
local list = { V(5), V(2), V(9), V(1) }
table.sort(list)
local out = {}
for i, x in ipairs(list) do out[i] = x.v end
print(table.concat(out, " "))
-- 5.1: without __le, a <= b uses not (b < a)
local onlylt = { __lt = function(a, b) return a.v < b.v end }
local x, y = setmetatable({ v = 1 }, onlylt), setmetatable({ v = 2 }, onlylt)
print(x <= y, y <= x)
print((pcall(function() return V(1) < 1 end)))

local base = { found = "at the bottom" }
local t = base
for i = 1, 50 do t = setmetatable({ ["level" .. i] = i }, { __index = t }) end
print(t.found, t.level1, t.level50, t.missing)
local calls = 0
local f = setmetatable({}, { __index = function(_, k) calls = calls + 1 return k end })
local g = f
for i = 1, 30 do g = setmetatable({}, { __index = g }) end
print(g.key, calls)

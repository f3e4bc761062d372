local calls = 0
local t = setmetatable({ a = 1 }, { __newindex = function(tb, k, v) calls = calls + 1 rawset(tb, k, v) end })
t.a = 2
t.b = 3
t.b = 4
t.a = nil
t.a = 5
print(calls, t.a, t.b)

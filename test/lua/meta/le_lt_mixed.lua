local mt = { __lt = function(a, b) return #a < #b end, __le = function(a, b) return #a <= #b end }
local x = setmetatable({ 1, 2 }, mt)
local y = setmetatable({ 1, 2, 3 }, mt)
print(x < y, x > y, x <= y, x >= y, y >= x)
print((pcall(function() return x < 3 end)))
print((pcall(function() return "a" < y end)))

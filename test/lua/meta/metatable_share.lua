local mt = { __index = function(t, k) return k * 2 end }
local a, b = setmetatable({}, mt), setmetatable({}, mt)
print(a[1], b[21], getmetatable(a) == getmetatable(b))
mt.__index = function(t, k) return k * 3 end
print(a[1], b[21])
local r = setmetatable({}, mt)
print(getmetatable(setmetatable(r, {})) ~= mt)

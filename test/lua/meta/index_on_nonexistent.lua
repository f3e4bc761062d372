local mt = { __index = { default = "d" } }
local t = setmetatable({}, mt)
print(t.default, t.other)
mt.__index = nil
print(t.default)
mt.__index = function() return "now a function" end
print(t.default)

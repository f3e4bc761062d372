local mt = { __eq = function() return true end }
local t = setmetatable({}, mt)
print(t == 1, t == "x", t == nil, t == true)
print(t == setmetatable({}, mt))
local f1, f2 = function() end, function() end
print(f1 == f2, f1 == f1)

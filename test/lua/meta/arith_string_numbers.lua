-- a string that converts to a number does arithmetic before metamethods are consulted
local mt = { __add = function(a, b) return "mm" end }
local o = setmetatable({}, mt)
print("1" + 2, 1 + "2", o + "1", "1" + o)
print((pcall(function() return "x" + 1 end)))

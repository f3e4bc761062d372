local V = {}
V.__index = V
V.__tostring = function(v) return "V(" .. v.x .. ")" end
local v = setmetatable({ x = 3 }, V)
print(v)
print(tostring(v), "[" .. tostring(v) .. "]")
local named = setmetatable({}, { __tostring = function() return "named" end })
print(named, tostring(named))
local plain = {}
print(tostring(plain):sub(1, 6))

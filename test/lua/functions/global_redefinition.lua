function greet() return "v1" end
local saved = greet
print(greet())
function greet() return "v2" end
print(greet(), saved())
greet = function() return "v3" end
print(greet())
local t = { f = function() return "field v1" end }
local g = t.f
t.f = function() return "field v2" end
print(g(), t.f())
local function caller() return greet() end
greet = function() return "v4" end
print(caller())

setmetatable(_G, { __index = function(_, k) return "default:" .. k end })
print(anything, somethingElse)
x = 5
print(x)
local function f() return viaFunction end
print(f())
setmetatable(_G, nil)
print(anything)

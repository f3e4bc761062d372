g = 1
local l = 2
g, l = l, g
print(g, l)
local function f() return g, l end
print(f())
l = nil
g = nil
print(f())
print(rawget(_G, "g"))

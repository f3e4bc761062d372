x = 10
local function f() x = x + 1 return x end
print(f(), f(), x)
print(_G.x, _G["x"])
_G.y = "via _G"
print(y)
print(undefinedglobal)
local x = "local shadows global"
print(x, _G.x)

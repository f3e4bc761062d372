local x = 1
local x = x + 1
print(x)
local function f(x) x = x * 10 return x end
print(f(3), x)
local y = "a"
do local y = y .. "b" print(y) end
print(y)
local z = 1
local function g() local z = z + 1 return z end
print(g(), z)
local a, a = 1, 2
print(a)
for i = 1, 1 do local i = "shadow" print(i) end

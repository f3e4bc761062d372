-- `local x = x` reads the outer (here global) x: the new local is not in scope in its own initialiser
x = "global"
local x = x .. "!"
print(x)
y = 10
do
  local y = y + 1
  print(y)
end
print(y)
local z = 1
local z = z + 1
local z = z * 10
print(z)
local f = function() return f end
print(f())
local a, b = 1, a
print(a, b)

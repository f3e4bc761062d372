local x = "outer"
local function f()
  local before = x
  local x = "inner"
  local function g() return x end
  return before, x, g()
end
print(f())
print(x)
local y = 1
local function h(y) return function() y = y + 1 return y end end
local c = h(10)
print(c(), c(), y)

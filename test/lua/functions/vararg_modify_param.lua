local function f(a, ...)
  a = a * 2
  local b = ...
  b = (b or 0) + 1
  return a, b, ...
end
print(f(1, 10, 20))
print(f(1))
local function count(...) local n = select('#', ...) local t = { ... } t[1] = "x" return n, ... end
print(count("a", "b"))

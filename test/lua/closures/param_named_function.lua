local function f(f) return f end
print(f(5))
local function g(g, ...) g = g or "default" return g, ... end
print(g(nil, 1, 2))
local function h(a, a2) local a = a2 return a end
print(h(1, 2))
local function fn(x, ...)
  x = "changed"
  return x, ...
end
print(fn("orig", "v1", "v2"))

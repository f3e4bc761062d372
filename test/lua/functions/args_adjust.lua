local function f(a, b, c) return a, b, c end
print(f(1))
print(f(1, 2, 3, 4, 5))
print(f())
local function g(a, b, ...) return a, b, select('#', ...) end
print(g(1, 2, 3, 4))
print(g(1))
local function h(x) x = x or "default" return x end
print(h(), h(false), h(0))

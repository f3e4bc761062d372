local t = { a = { b = {} } }
function t.a.b.f(x) return x * 2 end
function t.a.b:m(x) return self == t.a.b, x end
print(t.a.b.f(21))
print(t.a.b:m(5))
print(t.a.b.m(t.a.b, 6))
function globalf(...) return select('#', ...) end
print(globalf(1, 2, 3))
local function lf() return "local" end
print(lf())
local anon = function(a, b) return a + b end
print(anon(1, 2))
print((function(...) return ... end)(7, 8, 9))

local function f(...) return { ..., "end" } end
local t = f(1, 2, 3)
print(#t, t[1], t[2], t[3])
local function g(...) return { "start", ... } end
local u = g(1, 2, 3)
print(#u, u[1], u[4])
local function h(...) return ..., ... end
print(h(1, 2))
local function e(...) return { ... } end
print(#e(), #e(nil, nil, 3))

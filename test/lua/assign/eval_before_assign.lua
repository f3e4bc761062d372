local log = {}
local function v(n) log[#log + 1] = n return n end
local t = {}
t[v("k1")], t[v("k2")] = v("v1"), v("v2")
print(t.k1, t.k2)
local a, b = 1, 2
a, b = b + 10, a + 10
print(a, b)
local s = { n = 1 }
s.n, s.m = s.n + 1, s.n
print(s.n, s.m)
print(#log >= 4)

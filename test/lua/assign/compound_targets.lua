local t = { inner = { list = {} } }
t.inner.list[1], t.inner.x = "first", "x"
print(t.inner.list[1], t.inner.x)
local function get() return t.inner end
get().y = "via call"
print(t.inner.y)
local k = "dyn"
t[k .. 1], t[k .. 2] = 1, 2
print(t.dyn1, t.dyn2)
local m = {}
m[1], m[2], m[3] = (function() return "a", "b", "c" end)()
print(m[1], m[2], m[3])

local t = { a = { { b = { c = function() return { d = "deep" } end } } } }
print(t.a[1].b.c().d, t["a"][1]["b"]["c"]()["d"])
local s = { list = { "x", "y" } }
print(s.list[#s.list], #s.list[1])
local m = { f = function() return { g = function(self) return self.v end, v = "gv" } end }
print(m.f():g())

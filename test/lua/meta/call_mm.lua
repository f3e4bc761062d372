local callable = setmetatable({ name = "c" }, {
  __call = function(self, a, b) return self.name, a, b end,
})
print(callable(1, 2))
print(callable())
local multi = setmetatable({}, { __call = function(self, ...) return select('#', ...), ... end })
print(multi(nil, nil))
print(pcall(callable, "x"))
local t = { f = callable }
print(t.f("y"))
print(t:f("z") ~= nil)

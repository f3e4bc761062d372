local callable = setmetatable({}, { __call = function(self, a, b) return tostring(a) .. "|" .. tostring(b) end })
local obj = { m = callable }
print(obj.m(1, 2))
print(obj:m(2) == tostring(obj) .. "|2")
local counter = setmetatable({ n = 0 }, { __call = function(self, inc) self.n = self.n + (inc or 1) return self.n end })
counter() counter(5)
print(counter(), counter.n)

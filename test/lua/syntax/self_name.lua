local self = "not a method"
print(self)
local obj = { v = 1 }
function obj.plain(self) return self.v end
function obj:method() return self.v end
print(obj.plain(obj), obj:method(), obj.method({ v = 2 }))
local function f(self, x) return self, x end
print(f(1, 2))

local t = {}
t.self = t
print(t.self.self.self == t)
local f = function() return f end
print(f() == nil)
local function g() return g end
print(g() == g)

local function f() print("called f") return f end
f()()
local t = { g = function(self) print("g", self ~= nil) return self end }
t:g():g()
t.g(t).g(nil)
local s = ("x"):rep(2)
print(s)
local h = f
h"str"{}

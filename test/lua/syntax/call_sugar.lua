local function f(x) return type(x), x end
print(f"string arg")
print(f[[long string arg]])
local function g(tab) return #tab, tab[1] end
print(g{10, 20})
local obj = { name = "obj" }
function obj:say(s) return self.name .. ":" .. tostring(s) end
print(obj:say"hi")
print(obj:say(1))
local s = "abc"
print(s:upper(), ("x"):rep(3), #s:rep(2))

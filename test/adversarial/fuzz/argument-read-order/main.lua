-- Found by the differential fuzzer: a local that a closure assigns, passed before a call that assigns it, must be
-- passed with the value it had at its turn (Lua evaluates a list left to right). moonforge used to read it after
-- the later argument's call ran.
local s = "a"
local function f() s = s .. "b" return 1 end
local function g(...) return ... end
print(g(s, f()))
local t = {s, f()}
print(t[1], s .. f(), s)

local a = "abc"
local b = "ab" .. "c"
print(a == b, rawequal(a, b))
local t = {}
t[a] = 1
print(t[b])
print("a" .. "" == "a", "" == "")
print(#("x"):rep(0), ("x"):rep(0) == "")

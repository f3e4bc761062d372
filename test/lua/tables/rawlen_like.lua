local t = { "a", "b", "c", n = 3 }
print(#t, t.n)
t[#t + 1] = "d"
print(#t)
local strs = { [1] = "x", [2] = "y" }
print(#strs)

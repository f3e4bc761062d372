local t = { 1, 2, 3; 4, x = "x", ["y z"] = "yz", [10] = "ten", [1 + 1] = "overwritten?", }
print(t[1], t[2], t[3], t[4], t.x, t["y z"], t[10])
local u = { [1] = "a", "b" }
print(u[1])
local n = { [1] = "a", [2] = "b", [3] = "c" }
print(#n, n[3])
local nested = { { 1, 2 }, { 3, { 4, 5 } } }
print(nested[2][2][2])
local e = {}
print(#e, next(e))
local k = "key"
local dyn = { [k] = 1, [k .. "2"] = 2 }
print(dyn.key, dyn.key2)

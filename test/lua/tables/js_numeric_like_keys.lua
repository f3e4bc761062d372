local t = {}
t["0"] = "s0"
t[0] = "n0"
t["1"] = "s1"
t[1] = "n1"
t["01"] = "s01"
t["1.0"] = "s1.0"
t["-0"] = "s-0"
t["NaN"] = "sNaN"
t["undefined"] = "su"
t["null"] = "snull"
print(t["0"], t[0], t["1"], t[1], t["01"], t["1.0"], t["-0"], t.NaN, t.undefined, t.null)
print(#t)
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n)

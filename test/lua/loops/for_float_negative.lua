local vals = {}
for x = 2, -2, -0.5 do vals[#vals + 1] = string.format("%.1f", x) end
print(#vals, table.concat(vals, " "))
local n = 0
for x = 1, 2, 0.3 do n = n + 1 end
print(n)
n = 0
for x = -1, -1.5, -0.1 do n = n + 1 end
print(n)
for i = 3, 3, -1 do print("single", i) end
for i = 1, 3, 5 do print("big step", i) end

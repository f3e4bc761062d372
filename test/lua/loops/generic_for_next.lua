local t = { 5, 6, 7 }
local n, sum = 0, 0
for k, v in next, t do n = n + 1 sum = sum + v end
print(n, sum)
for k, v in next, {} do print("never") end
local keys = {}
for k in pairs({ a = 1, b = 2, c = 3 }) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, ","))

local t = {}
for i = 1, 50000 do t["key" .. i] = i end
local n, s = 0, 0
for k, v in pairs(t) do n = n + 1 s = s + v end
print(n, s)
for i = 1, 50000, 2 do t["key" .. i] = nil end
n = 0
for _ in pairs(t) do n = n + 1 end
print(n, t.key2, t.key3)

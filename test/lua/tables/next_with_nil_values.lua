local t = { a = 1, b = nil, c = 3 }
local keys = {}
for k, v in pairs(t) do keys[#keys + 1] = k .. "=" .. tostring(v) end
table.sort(keys)
print(table.concat(keys, " "))
t.a = nil
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n)

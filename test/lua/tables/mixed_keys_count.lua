local t = {}
for i = 1, 10 do t[i] = i end
for i = 1, 10 do t[i + 0.5] = i end
for i = 1, 10 do t["s" .. i] = i end
t[true], t[false] = 1, 0
local counts = {}
for k in pairs(t) do local ty = type(k) counts[ty] = (counts[ty] or 0) + 1 end
print(counts.number, counts.string, counts.boolean)
print(#t)

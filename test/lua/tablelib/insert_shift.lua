local t = {}
for i = 1, 10 do table.insert(t, 1, i) end
print(table.concat(t, " "))
while #t > 0 do table.remove(t, 1) end
print(#t)
local q = { first = 1, last = 0 }
for i = 1, 5 do q.last = q.last + 1 q[q.last] = i * i end
local out = {}
while q.first <= q.last do out[#out + 1] = q[q.first] q[q.first] = nil q.first = q.first + 1 end
print(table.concat(out, ","))

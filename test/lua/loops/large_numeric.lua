local sum = 0
for i = 1, 1000000 do sum = sum + i end
print(sum)
local s2 = 0
for i = 1000000, 1, -1 do s2 = s2 + i % 7 end
print(s2)
local cnt = 0
for i = 1, 3000000, 3 do cnt = cnt + 1 end
print(cnt)

local t = {}
for i = 1, 10000 do t[#t + 1] = i end
print(#t, t[1], t[10000])
for i = 10000, 5001, -1 do t[i] = nil end
print(#t)
local s = {}
for i = 100, 1, -1 do s[i] = i end
print(#s, s[1], s[100])
local sum = 0
for i = 1, #s do sum = sum + s[i] end
print(sum)

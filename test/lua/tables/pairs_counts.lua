local t = { 1, 2, 3, a = 1, b = 2, [1.5] = 3, [true] = 4 }
local n, sum = 0, 0
for k, v in pairs(t) do n = n + 1 sum = sum + v end
print(n, sum)
local arr = {}
for i = 1, 1000 do arr[i] = i end
local s = 0
for _, v in pairs(arr) do s = s + v end
print(s)

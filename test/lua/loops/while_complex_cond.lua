local t = { 4, 8, 15, 16, 23, 42 }
local i = 1
while t[i] and t[i] < 20 do i = i + 1 end
print(i, t[i])
local a, b = 0, 10
while a < b and not (a == 3) do a = a + 1 b = b - 1 end
print(a, b)
local s = "aaab"
local p = 1
while s:sub(p, p) == "a" do p = p + 1 end
print(p)

local i, s = 0, 0
while i < 2000000 do i = i + 1 s = s + (i % 3) end
print(i, s)
local r = 0
repeat r = r + 1 until r == 500000
print(r)

local a, b, c = 1, 2
print(a, b, c)
local d, e = 1, 2, 3
print(d, e)
a, b = b, a
print(a, b)
local t = {1, 2, 3}
t[1], t[3] = t[3], t[1]
print(t[1], t[2], t[3])
local i = 3
local arr = {}
i, arr[i] = i + 1, 20
print(i, arr[3], arr[4])
x, y, z = "gx", "gy"
print(x, y, z)

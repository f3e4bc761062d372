print(1.0, -1.0, 0.0, 1e2, 2 ^ 2, 10 / 5, 7 / 7)
print(math.floor(5.0), 3 * 1.0, 1e13, -1e13)
print(255 / 5, 1024 * 1024, 2 ^ 40)
local t = {}
t[1.0] = "float key one"
print(t[1])
t[2] = "int key two"
print(t[2.0])
print(#{ [1.0] = "a", [2.0] = "b" })

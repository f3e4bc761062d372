for i = 1, 3 do end
print(i)
for k, v in pairs({ a = 1 }) do end
print(k, v)
local j = 0
for j = 1, 5 do end
print(j)

local a, b, c = "a", "b", "c"
a, b, c = c, a, b
print(a, b, c)
local t = { 1, 2, 3, 4, 5 }
local n = #t
for i = 1, math.floor(n / 2) do t[i], t[n - i + 1] = t[n - i + 1], t[i] end
print(table.concat(t, ","))

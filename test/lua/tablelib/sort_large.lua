local t = {}
local x = 12345
for i = 1, 5000 do
  x = (x * 1103515245 + 12345) % 2147483648
  t[i] = x % 100000
end
table.sort(t)
local ok = true
for i = 2, #t do if t[i - 1] > t[i] then ok = false end end
print(ok, #t, t[1], t[2500], t[5000])
local s = {}
for i = 1, 1000 do s[i] = tostring((i * 7919) % 1000) end
table.sort(s)
print(s[1], s[2], s[500], s[1000])

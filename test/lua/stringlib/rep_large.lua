local s = ("abc"):rep(100000)
print(#s, s:sub(1, 6), s:sub(-3))
local n = select(2, s:gsub("abc", ""))
print(n)
local t = {}
for i = 1, 1000 do t[i] = ("x"):rep(i % 7) end
print(#table.concat(t))

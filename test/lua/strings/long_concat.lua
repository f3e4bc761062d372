local parts = {}
for i = 1, 10000 do parts[i] = string.char(65 + i % 26) end
local s = table.concat(parts)
print(#s, s:sub(1, 30), s:sub(-5))
local acc = ""
for i = 1, 2000 do acc = acc .. i % 10 end
print(#acc, acc:sub(1, 20))

print((pcall(table.sort, { 1, "x", 2 })))
print((pcall(table.sort, { {}, {} })))
local ok = pcall(table.sort, { 3, 2, 1 }, function(a, b) error("cmp") end)
print(ok)

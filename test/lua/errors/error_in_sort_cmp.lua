local ok, e = pcall(table.sort, { 3, 1, 2 }, function(a, b) error("cmp failed", 0) end)
print(ok, e)
local ok2, e2 = pcall(string.gsub, "abc", "%w", function(c) error("gsub cb " .. c, 0) end)
print(ok2, e2)

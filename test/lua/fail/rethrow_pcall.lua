local ok, e = pcall(function() error("first") end)
print(ok)
error(e, 0)

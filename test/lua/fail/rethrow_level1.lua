local ok, e = pcall(function() error("inner") end)
print(ok, e)
error(e)

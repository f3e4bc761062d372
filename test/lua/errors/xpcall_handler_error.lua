local ok = xpcall(function() error("first") end, function(m) error("handler broke") end)
print(ok)
local results = { xpcall(function() return 1, 2, 3 end, function(m) return m end) }
print(#results, results[1], results[4])
print(xpcall(function() error({ 1, 2 }) end, function(e) return #e end))

local w = coroutine.wrap(function() return "only once" end)
print(w())
local ok = pcall(w)
print(ok)

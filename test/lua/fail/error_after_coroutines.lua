local co = coroutine.wrap(function() coroutine.yield(1) coroutine.yield(2) end)
print(co(), co())
local t = nil
print(t[1])

-- Lua 5.1: coroutine.running() is nil on the main thread
print(coroutine.running() == nil)
local co = coroutine.create(function() return coroutine.running() end)
local ok, r = coroutine.resume(co)
print(ok, r == co)

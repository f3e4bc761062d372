local co = coroutine.create(function() error("inside") end)
local ok, e = coroutine.resume(co)
print(ok, e)
error(e, 0)

local co
co = coroutine.create(function()
  local ok, e = coroutine.resume(co)
  coroutine.yield(ok)
end)
print(coroutine.resume(co))
print(coroutine.status(co))

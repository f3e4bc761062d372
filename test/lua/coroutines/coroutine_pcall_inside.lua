local co = coroutine.create(function()
  local ok, err = pcall(function() error("inner") end)
  print("caught", ok, err)
  coroutine.yield("after pcall")
  return "ok"
end)
print(coroutine.resume(co))
print(coroutine.resume(co))

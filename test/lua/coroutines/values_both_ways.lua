local co = coroutine.create(function(...)
  print("args", select('#', ...), ...)
  local r = { coroutine.yield() }
  print("resumed with", #r, unpack(r))
  print("yield none ->", select('#', coroutine.yield(1, nil, 3)))
  return nil, nil
end)
print(coroutine.resume(co, nil, "b"))
print(coroutine.resume(co, "p", "q", "r"))
print(select('#', coroutine.resume(co)))

local co = coroutine.create(function()
  local t = {}
  for i = 1, 100 do t[i] = i end
  local got = { coroutine.yield(unpack(t)) }
  return #got
end)
local r = { coroutine.resume(co) }
print(#r, r[1], r[2], r[101])
print(coroutine.resume(co, unpack({ 1, 2, 3, 4, 5 })))

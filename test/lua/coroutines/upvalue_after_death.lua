local shared = 0
local getter
local co = coroutine.create(function()
  local inside = "inside"
  getter = function() return inside, shared end
  shared = shared + 1
  coroutine.yield()
  inside = "changed"
end)
coroutine.resume(co)
print(getter())
coroutine.resume(co)
print(coroutine.status(co), getter())
shared = 10
print(getter())

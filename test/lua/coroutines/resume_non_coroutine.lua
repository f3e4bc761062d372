print((pcall(coroutine.resume, 1)))
print((pcall(coroutine.create, 1)))
print((pcall(coroutine.yield)))
print((pcall(coroutine.status, {})))

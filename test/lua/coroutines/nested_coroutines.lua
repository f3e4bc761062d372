local log = {}
local inner = coroutine.create(function()
  log[#log + 1] = "inner start"
  coroutine.yield("inner y1")
  log[#log + 1] = "inner resumed"
  return "inner done"
end)
local outer = coroutine.create(function()
  log[#log + 1] = "outer start"
  local ok, v = coroutine.resume(inner)
  log[#log + 1] = "outer got " .. v
  coroutine.yield("outer y1")
  ok, v = coroutine.resume(inner)
  log[#log + 1] = "outer got " .. v
  return "outer done"
end)
print(coroutine.resume(outer))
print(coroutine.resume(outer))
print(coroutine.status(inner), coroutine.status(outer))
print(table.concat(log, "; "))

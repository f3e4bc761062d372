local function tailYield(v) return coroutine.yield(v) end
local function varYield(...) return coroutine.yield(...) end
local function condYield(flag, v) if flag then coroutine.yield(v) end return v end
local co = coroutine.create(function(...)
  local a = tailYield("t")
  local b, c = varYield("v1", "v2")
  condYield(false, "skipped")
  condYield(true, "kept")
  return a, b, c, ...
end)
print(coroutine.resume(co, "arg1", "arg2"))
print(coroutine.resume(co, "A"))
print(coroutine.resume(co, "B", "C"))
print(coroutine.resume(co))
print(coroutine.status(co))

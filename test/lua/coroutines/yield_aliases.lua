local y = coroutine.yield
local lib = coroutine
local t = { yield = coroutine.yield }
local function viaUpvalue(v) return y(v) end
local co = coroutine.wrap(function()
  y(1)
  lib.yield(2)
  t.yield(3)
  local r = viaUpvalue(4)
  local fns = { function() return coroutine.yield(5) end }
  fns[1]()
  return "done " .. tostring(r)
end)
for _ = 1, 5 do print(co()) end
print(co("r"))

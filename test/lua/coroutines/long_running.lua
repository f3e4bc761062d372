local co = coroutine.wrap(function()
  local i = 0
  while true do i = i + 1 coroutine.yield(i) end
end)
local last
for _ = 1, 100000 do last = co() end
print(last)

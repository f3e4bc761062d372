local total = 0
local co = coroutine.wrap(function()
  for i = 1, 3 do total = total + i coroutine.yield(total) end
end)
print(co(), total)
total = 100
print(co(), total)
print(co(), total)

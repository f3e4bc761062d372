local fs = {}
local co = coroutine.wrap(function()
  for i = 1, 3 do
    fs[i] = function() return i end
    coroutine.yield()
  end
end)
co() co() co()
print(fs[1](), fs[2](), fs[3]())

local co = coroutine.wrap(function()
  for i = 1, 3 do
    local j = 0
    while j < 2 do
      j = j + 1
      repeat coroutine.yield(i .. "." .. j) until true
    end
  end
  return "fin"
end)
local out = {}
for i = 1, 7 do out[i] = co() end
print(table.concat(out, " "))

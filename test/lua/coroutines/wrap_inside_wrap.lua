local function numbers(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
local pairsGen = coroutine.wrap(function()
  for a in numbers(3) do
    for b in numbers(2) do coroutine.yield(a * 10 + b) end
  end
end)
local out = {}
for v in pairsGen do out[#out + 1] = v end
print(table.concat(out, " "))

local cos = {}
for i = 1, 200 do
  cos[i] = coroutine.create(function(x)
    local total = x
    for j = 1, 5 do total = total + coroutine.yield(total) end
    return total
  end)
end
local sum = 0
for i = 1, 200 do local _, v = coroutine.resume(cos[i], i) sum = sum + v end
for round = 1, 5 do
  for i = 1, 200 do local _, v = coroutine.resume(cos[i], round) if round == 5 then sum = sum + v end end
end
print(sum)
local dead = 0
for i = 1, 200 do if coroutine.status(cos[i]) == "dead" then dead = dead + 1 end end
print(dead)

local fs = {}
for i = 1, 1000 do
  local sq = i * i
  fs[i] = function() return sq + i end
end
local sum = 0
for i = 1, 1000 do sum = sum + fs[i]() end
print(sum)

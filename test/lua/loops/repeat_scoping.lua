local i = 0
local results = {}
repeat
  local i2 = i * i
  i = i + 1
  results[#results + 1] = i2
until i2 >= 16
print(table.concat(results, ","))
local x = 10
repeat local x = x - 1 print(x) until x < 10
print(x)

-- assigning the control variable does not change the iteration (it is a copy)
local seen = {}
for i = 1, 5 do
  seen[#seen + 1] = i
  i = i * 10
  seen[#seen + 1] = i
end
print(table.concat(seen, " "))
for k, v in ipairs({"a", "b"}) do
  k = k + 100
  print(k, v)
end

local n = 0
repeat
  n = n + 1
  if n == 5 then break end
until false
print(n)
local m = 0
while true do
  m = m + 2
  if m > 7 then break end
end
print(m)
local found = nil
for i = 1, 3 do
  for j = 1, 3 do
    if i * j == 6 then found = i .. "x" .. j break end
  end
  if found then break end
end
print(found)

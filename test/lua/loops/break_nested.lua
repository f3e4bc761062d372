for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then break end
    print(i, j)
  end
end
local i = 0
while true do
  i = i + 1
  repeat
    if i % 2 == 0 then break end
    print("odd", i)
  until true
  if i >= 5 then break end
end
for k = 1, 10 do
  if k > 2 then do break end end
  print("k", k)
end
local found
for _, v in ipairs({3, 8, 11, 15}) do
  if v > 10 then found = v break end
end
print("found", found)

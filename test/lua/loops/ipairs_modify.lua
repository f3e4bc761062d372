local t = { 1, 2, 3 }
local seen = {}
for i, v in ipairs(t) do
  seen[#seen + 1] = v
  if i == 1 then t[4] = 4 end
end
print(table.concat(seen, ","))
local u = { 1, 2, 3, 4 }
seen = {}
for i, v in ipairs(u) do
  seen[#seen + 1] = v
  if i == 2 then u[3] = nil end
end
print(table.concat(seen, ","))

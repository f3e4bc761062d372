local m = { { "a", "b" }, { "c" }, {}, { "d", "e", "f" } }
local out = {}
for i, row in ipairs(m) do
  for j, v in ipairs(row) do out[#out + 1] = i .. j .. v end
end
print(table.concat(out, " "))

local t = { 1, 2, 3, 4, 5, 6 }
local i = 1
while i <= #t do
  if t[i] % 2 == 0 then table.remove(t, i) else i = i + 1 end
end
print(#t, table.concat(t, ","))
local u = { "a", "b", "c" }
for j = #u, 1, -1 do if u[j] == "b" then table.remove(u, j) end end
print(table.concat(u, ","))

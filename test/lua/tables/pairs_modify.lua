-- clearing fields during traversal is allowed
local t = {}
for i = 1, 20 do t["k" .. i] = i end
local n = 0
for k, v in pairs(t) do
  t[k] = nil
  n = n + 1
end
print(n, next(t))
local u = { 1, 2, 3, 4, 5 }
for k, v in pairs(u) do u[k] = v * 10 end
print(table.concat(u, ","))

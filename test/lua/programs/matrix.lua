local function matmul(a, b)
  local n, m, p = #a, #b, #b[1]
  local c = {}
  for i = 1, n do
    c[i] = {}
    for j = 1, p do
      local s = 0
      for k = 1, m do s = s + a[i][k] * b[k][j] end
      c[i][j] = s
    end
  end
  return c
end
local a = { { 1, 2 }, { 3, 4 }, { 5, 6 } }
local b = { { 7, 8, 9 }, { 10, 11, 12 } }
local c = matmul(a, b)
for i = 1, #c do print(table.concat(c[i], " ")) end
local id = { { 1, 0 }, { 0, 1 } }
local m = { { 2, 3 }, { 4, 5 } }
for _ = 1, 5 do m = matmul(m, { { 1, 1 }, { 1, 0 } }) end
print(m[1][1], m[1][2], m[2][1], m[2][2], matmul(id, id)[2][2])

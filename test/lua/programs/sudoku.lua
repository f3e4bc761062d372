local puzzle = "530070000600195000098000060800060003400803001700020006060000280000419005000080079"
local g = {}
for i = 1, 81 do g[i] = tonumber(puzzle:sub(i, i)) end
local function ok(pos, v)
  local r, c = math.floor((pos - 1) / 9), (pos - 1) % 9
  for k = 0, 8 do
    if g[r * 9 + k + 1] == v or g[k * 9 + c + 1] == v then return false end
  end
  local br, bc = r - r % 3, c - c % 3
  for dr = 0, 2 do for dc = 0, 2 do
    if g[(br + dr) * 9 + bc + dc + 1] == v then return false end
  end end
  return true
end
local function solve(pos)
  while pos <= 81 and g[pos] ~= 0 do pos = pos + 1 end
  if pos > 81 then return true end
  for v = 1, 9 do
    if ok(pos, v) then
      g[pos] = v
      if solve(pos + 1) then return true end
      g[pos] = 0
    end
  end
  return false
end
print(solve(1))
for r = 0, 8 do print(table.concat(g, "", r * 9 + 1, r * 9 + 9)) end

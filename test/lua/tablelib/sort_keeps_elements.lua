-- A comparator that raises part-way leaves some permutation of the elements: none lost, none doubled (the order
-- itself is unspecified, so only the sorted contents are printed).
local function contents(t)
  local c = {}
  for i = 1, #t do c[i] = t[i] end
  table.sort(c)
  return #t .. ':' .. table.concat(c, ',')
end
local t = {}
for i = 1, 60 do t[i] = (i * 37) % 61 end
local before = contents(t)
for _, limit in ipairs({ 1, 5, 40, 120 }) do
  local calls = 0
  local ok = pcall(table.sort, t, function(a, b)
    calls = calls + 1
    if calls > limit then error('stop') end
    return a < b
  end)
  print(limit, ok, contents(t) == before)
end

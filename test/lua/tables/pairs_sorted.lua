local function sortedKeys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if type(a) == type(b) then return a < b end
    return type(a) < type(b)
  end)
  return keys
end
local t = { 10, 20, 30, x = 1, y = 2, [100] = "h", [-1] = "n", z = false }
for _, k in ipairs(sortedKeys(t)) do print(k, t[k]) end

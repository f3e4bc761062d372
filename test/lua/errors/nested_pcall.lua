local function risky(n)
  if n > 2 then error("too big: " .. n, 0) end
  return n
end
local results = {}
for i = 1, 4 do
  local ok, v = pcall(function()
    local ok2, v2 = pcall(risky, i)
    if not ok2 then error("outer saw [" .. v2 .. "]", 0) end
    return v2 * 10
  end)
  results[#results + 1] = tostring(ok) .. ":" .. tostring(v)
end
print(table.concat(results, " "))
local a, b, c = pcall(pcall, error, "e")
print(a, b, type(c))
print((pcall(pcall)))

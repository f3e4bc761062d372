local function badIter()
  local i = 0
  return function()
    i = i + 1
    if i == 3 then error("iter failed at " .. i) end
    if i < 5 then return i end
  end
end
local seen = {}
local ok, e = pcall(function() for v in badIter() do seen[#seen + 1] = v end end)
print(ok, e, table.concat(seen, ","))

local results = {}
for n = 1, 5 do
  local function fact(k) if k <= 1 then return 1 end return k * fact(k - 1) end
  results[n] = function() return fact(n) end
end
local out = {}
for i, f in ipairs(results) do out[i] = f() end
print(table.concat(out, ","))

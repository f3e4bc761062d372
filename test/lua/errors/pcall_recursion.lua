-- pcall nested 100 deep (PUC's C-call limit is 200), errors unwinding level by level
local function dive(n)
  if n == 0 then error({ depth = 0 }) end
  local ok, e = pcall(dive, n - 1)
  if ok then return "impossible" end
  e.depth = e.depth + 1
  if n % 25 == 0 then e["mark" .. n] = true end
  error(e)
end
local ok, e = pcall(dive, 100)
print(ok, e.depth, e.mark25, e.mark100, e.mark30)

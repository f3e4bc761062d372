local items = { { w = 12, v = 4 }, { w = 2, v = 2 }, { w = 1, v = 1 }, { w = 1, v = 2 }, { w = 4, v = 10 } }
local function knapsack(cap)
  local best = {}
  for c = 0, cap do best[c] = 0 end
  for _, it in ipairs(items) do
    for c = cap, it.w, -1 do
      local cand = best[c - it.w] + it.v
      if cand > best[c] then best[c] = cand end
    end
  end
  return best[cap]
end
for _, cap in ipairs({ 0, 1, 5, 15, 20 }) do print(cap, knapsack(cap)) end

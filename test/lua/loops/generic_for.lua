for i, v in ipairs({"a", "b", "c"}) do print(i, v) end
local function range(n)
  local i = 0
  return function()
    i = i + 1
    if i <= n then return i, i * i end
  end
end
for i, sq in range(4) do print(i, sq) end
-- stateless iterator with explicit state and control
local function iter(limit, ctl)
  if ctl < limit then return ctl + 1 end
end
for v in iter, 3, 0 do print("v", v) end
-- extra values from the iterator are dropped / missing ones are nil
for a, b, c in ipairs({10}) do print(a, b, c) end

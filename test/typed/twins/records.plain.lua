-- records, optional fields, casts and non-nil assertions (types are erased)



local function describe(p, kind)
  local label = p.label or "?"
  return kind .. "(" .. p.x .. "," .. p.y .. ")" .. label
end

local raw = {x = 1, y = 2}
local p = raw
local q = raw
print(describe(p, "circle"), describe(q, "square"))
local lookup = {a = 1}
print((lookup["a"]) + 1)

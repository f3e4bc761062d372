-- records, optional fields, casts and non-nil assertions (types are erased)
type Point = {x: number, y: number, label?: string}
type Shape = "circle" | "square"

interface Named
  function name(): string
end

local function describe(p: Point, kind: Shape): string
  local label: string = p.label or "?"
  return kind .. "(" .. p.x .. "," .. p.y .. ")" .. label
end

local raw: any = {x = 1, y = 2}
local p = raw as Point
local q = raw :: Point
print(describe(p, "circle"), describe(q!, "square"))
local lookup: {[string]: number} = {a = 1}
print((lookup["a"]!) + 1)

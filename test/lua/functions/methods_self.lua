local Point = {}
Point.__index = Point
function Point.new(x, y) return setmetatable({ x = x, y = y }, Point) end
function Point:add(o) return Point.new(self.x + o.x, self.y + o.y) end
function Point:str() return "(" .. self.x .. "," .. self.y .. ")" end
local p = Point.new(1, 2):add(Point.new(3, 4))
print(p:str(), p.str(p), Point.str(p))
local calls = 0
local function getp() calls = calls + 1 return p end
print(getp():str(), calls)
local t = { f = function(...) return select('#', ...) end }
print(t:f(), t.f(), t:f(1, 2))
local s = "x"
print(s:rep(3), ("%d-%d"):format(1, 2))

-- vectors: small value objects with operator metamethods (__add, __sub, __mul, __div, __unm, __eq, __lt, __le,
-- __index, __tostring, __concat), as geometry and numeric code writes them: 2-D vectors and complex numbers,
-- constructors through a metatable, a polygon class inheriting from a shape class, and sorting with __lt.
local Vec = {}
Vec.__index = Vec

function Vec.new(x, y)
  return setmetatable({ x = x, y = y }, Vec)
end
local new = Vec.new

Vec.__add = function(a, b) return new(a.x + b.x, a.y + b.y) end
Vec.__sub = function(a, b) return new(a.x - b.x, a.y - b.y) end
Vec.__mul = function(a, b)
  if type(a) == 'number' then return new(a * b.x, a * b.y) end
  if type(b) == 'number' then return new(a.x * b, a.y * b) end
  return a.x * b.x + a.y * b.y
end
Vec.__div = function(a, k) return new(a.x / k, a.y / k) end
Vec.__unm = function(a) return new(-a.x, -a.y) end
Vec.__eq = function(a, b) return a.x == b.x and a.y == b.y end
Vec.__lt = function(a, b) return a.x < b.x or (a.x == b.x and a.y < b.y) end
Vec.__le = function(a, b) return not (b < a) end
Vec.__tostring = function(a) return string.format('(%.3f, %.3f)', a.x, a.y) end
Vec.__concat = function(a, b) return tostring(a) .. tostring(b) end

function Vec:length() return math.sqrt(self.x * self.x + self.y * self.y) end
function Vec:cross(o) return self.x * o.y - self.y * o.x end
function Vec:normalized()
  local len = self:length()
  if len == 0 then return new(0, 0) end
  return self / len
end
function Vec:rotated(angle)
  local c, s = math.cos(angle), math.sin(angle)
  return new(self.x * c - self.y * s, self.x * s + self.y * c)
end

local Complex = {}
Complex.__index = Complex
local function complex(re, im) return setmetatable({ re = re, im = im or 0 }, Complex) end
Complex.__add = function(a, b) return complex(a.re + b.re, a.im + b.im) end
Complex.__sub = function(a, b) return complex(a.re - b.re, a.im - b.im) end
Complex.__mul = function(a, b) return complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re) end
Complex.__eq = function(a, b) return a.re == b.re and a.im == b.im end
Complex.__tostring = function(a) return string.format('%.4f%+.4fi', a.re, a.im) end
function Complex:abs2() return self.re * self.re + self.im * self.im end

-- Shape <- Polygon <- RegularPolygon
local Shape = {}
Shape.__index = Shape
function Shape.new(...)
  local o = setmetatable({}, Shape)
  o:init(...)
  return o
end
function Shape:init(name) self.name = name end
function Shape:describe() return self.name .. ' area ' .. string.format('%.2f', self:area()) end
function Shape:area() return 0 end

local Polygon = setmetatable({}, { __index = Shape })
Polygon.__index = Polygon
Polygon.__tostring = function(p) return p:describe() end
function Polygon.new(...)
  local o = setmetatable({}, Polygon)
  o:init(...)
  return o
end
function Polygon:init(name, points)
  Shape.init(self, name)
  self.points = points
end
function Polygon:area()
  local sum, pts = 0, self.points
  for i = 1, #pts do
    local j = i % #pts + 1
    sum = sum + pts[i]:cross(pts[j])
  end
  return math.abs(sum) / 2
end
function Polygon:centroid()
  local c = new(0, 0)
  for _, p in ipairs(self.points) do c = c + p end
  return c / #self.points
end
function Polygon:translated(d)
  local pts = {}
  for i, p in ipairs(self.points) do pts[i] = p + d end
  return Polygon.new(self.name, pts)
end

local RegularPolygon = setmetatable({}, { __index = Polygon })
RegularPolygon.__index = RegularPolygon
RegularPolygon.__tostring = Polygon.__tostring
function RegularPolygon.new(...)
  local o = setmetatable({}, RegularPolygon)
  o:init(...)
  return o
end
function RegularPolygon:init(sides, radius, center)
  local pts = {}
  local step = 2 * math.pi / sides
  local spoke = new(radius, 0)
  for i = 1, sides do pts[i] = center + spoke:rotated(step * (i - 1)) end
  Polygon.init(self, sides .. '-gon', pts)
  self.radius = radius
end

local seed = 99
local function rand()
  seed = (seed * 16807) % 2147483647
  return seed / 2147483647
end

-- Particles under a central force, integrated with vector operators.
local particles = {}
for i = 1, 200 do
  particles[i] = { pos = new(rand() * 10 - 5, rand() * 10 - 5), vel = new(rand() - 0.5, rand() - 0.5) }
end
local dt = 0.01
for _ = 1, 1200 do
  for _, p in ipairs(particles) do
    local r = p.pos:length() + 0.1
    local force = -p.pos:normalized() * (1 / (r * r))
    p.vel = p.vel + force * dt
    p.pos = p.pos + p.vel * dt
  end
end
local energy = 0
for _, p in ipairs(particles) do energy = energy + 0.5 * (p.vel * p.vel) - 1 / (p.pos:length() + 0.1) end

-- Sorting with __lt, equality with __eq.
local points = {}
for i = 1, 3000 do points[i] = new(math.floor(rand() * 50), math.floor(rand() * 50)) end
table.sort(points)
local dupes = 0
for i = 2, #points do if points[i] == points[i - 1] then dupes = dupes + 1 end end
local ordered = points[1] <= points[#points]

-- Shapes through three levels of classes.
local area = 0
local text = {}
for i = 3, 40 do
  local poly = RegularPolygon.new(i, i / 3, new(i, -i))
  local moved = poly:translated(new(1, 1))
  area = area + moved:area()
  local c = moved:centroid() - new(i + 1, -i + 1)
  if i % 7 == 0 then text[#text + 1] = tostring(moved) .. ' ' .. string.format('%.6f', c:length()) end
end

-- Complex arithmetic: a small Mandelbrot count.
local inside = 0
for y = 0, 159 do
  for x = 0, 239 do
    local c = complex(x / 80 - 2, y / 80 - 1)
    local z = complex(0, 0)
    local n = 0
    while n < 40 and z:abs2() <= 4 do
      z = z * z + c
      n = n + 1
    end
    if n == 40 then inside = inside + 1 end
  end
end

print(string.format('vectors: energy %.6f, dupes %d, ordered %s, area %.4f, inside %d',
  energy, dupes, tostring(ordered), area, inside))
print(points[1] .. points[#points])
print(tostring(complex(1, 2) * complex(3, -1)))
for _, line in ipairs(text) do print(line) end

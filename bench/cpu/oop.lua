-- oop: class-style objects with metatables: __index chains three levels deep, method calls through them,
-- __index/__newindex functions, operator metamethods (__add, __sub, __mul, __unm, __eq, __lt, __le, __concat,
-- __call, __tostring).
local Vec = {}
Vec.__index = Vec
local function vec(x, y) return setmetatable({ x = x, y = y }, Vec) end
Vec.__add = function(a, b) return vec(a.x + b.x, a.y + b.y) end
Vec.__sub = function(a, b) return vec(a.x - b.x, a.y - b.y) end
Vec.__mul = function(a, k) return vec(a.x * k, a.y * k) end
Vec.__unm = function(a) return vec(-a.x, -a.y) end
Vec.__eq = function(a, b) return a.x == b.x and a.y == b.y end
Vec.__lt = function(a, b) return a:len2() < b:len2() end
Vec.__le = function(a, b) return a:len2() <= b:len2() end
Vec.__tostring = function(a) return "(" .. a.x .. "," .. a.y .. ")" end
Vec.__concat = function(a, b) return tostring(a) .. tostring(b) end
function Vec:len2() return self.x * self.x + self.y * self.y end
function Vec:dot(o) return self.x * o.x + self.y * o.y end

-- Shape <- Rect <- Square, and Shape <- Circle
local Shape = {}
Shape.__index = Shape
function Shape.new(cls, origin)
  local o = setmetatable({}, cls)
  o.origin = origin
  return o
end
function Shape:area() return 0 end
function Shape:name() return "shape" end
function Shape:moved(d) local o = self:clone(); o.origin = self.origin + d; return o end
function Shape:weight() return self:area() + self.origin:len2() % 97 end

local Rect = setmetatable({}, { __index = Shape })
Rect.__index = Rect
function Rect.new(origin, w, h)
  local o = Shape.new(Rect, origin)
  o.w, o.h = w, h
  return o
end
function Rect:area() return self.w * self.h end
function Rect:name() return "rect" end
function Rect:clone() return Rect.new(self.origin, self.w, self.h) end

local Square = setmetatable({}, { __index = Rect })
Square.__index = Square
function Square.new(origin, s)
  local o = Rect.new(origin, s, s)
  return setmetatable(o, Square)
end
function Square:name() return "square" end
function Square:clone() return Square.new(self.origin, self.w) end

local Circle = setmetatable({}, { __index = Shape })
Circle.__index = Circle
function Circle.new(origin, r)
  local o = Shape.new(Circle, origin)
  o.r = r
  return o
end
function Circle:area() return 3 * self.r * self.r end
function Circle:name() return "circle" end
function Circle:clone() return Circle.new(self.origin, self.r) end

-- a proxy with __index/__newindex functions and __call
local store = {}
local reads, writes = 0, 0
local Proxy = setmetatable({}, {
  __index = function(_, k) reads = reads + 1; return store[k] end,
  __newindex = function(_, k, v) writes = writes + 1; store[k] = v end,
  __call = function(_, a, b) return a * 3 + b end,
})

local N = 450000
local total = 0
local names = {}
local acc = vec(0, 0)
local lessCount, eqCount = 0, 0
for i = 1, N do
  local p = vec(i % 17, i % 23)
  local kind = i % 3
  local s
  if kind == 0 then s = Rect.new(p, i % 7 + 1, i % 5 + 1)
  elseif kind == 1 then s = Square.new(p, i % 9 + 1)
  else s = Circle.new(p, i % 4 + 1) end
  local m = s:moved(vec(1, 2) * 2 - vec(1, 1))
  total = (total + m:weight() + s:area()) % 1000003
  names[s:name()] = (names[s:name()] or 0) + 1
  acc = acc + (-p) + m.origin
  if p < m.origin then lessCount = lessCount + 1 end
  if p <= p and p == vec(p.x, p.y) then eqCount = eqCount + 1 end
  Proxy[i % 10] = (Proxy[i % 10] or 0) + Proxy(i % 11, 1)
  if i % 5000 == 0 then
    total = (total + #(p .. m.origin)) % 1000003
  end
end
local proxySum = 0
for k = 0, 9 do proxySum = proxySum + Proxy[k] end
print(string.format("oop total %d rect %d square %d circle %d acc %s less %d eq %d proxy %d reads %d writes %d",
  total, names.rect, names.square, names.circle, tostring(acc), lessCount, eqCount, proxySum, reads, writes))

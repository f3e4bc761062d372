-- interface blocks, casts `x :: T` / `x as T`, non-nil assertion `x!` (all erased, no runtime effect)















local Square = {}
Square.__index = Square
function Square.new(side)
  return setmetatable({side = side}, Square)
end
function Square:area() return self.side * self.side end
function Square:name() return "square" end

local any_value = 42
local n = any_value
local m = any_value
local sum = n + m * 2
local s = Square.new(3)
local parts = {s:name(), tostring(s:area())}
local opts = {limit = 5}
local limit = (opts).limit
local fn = (function() return 7 end)
local seven = fn() + 0
local t = {value = nil, list = {1, 2}}
local neg = -(n) ^ 2
local ok = not (n)
local cat = "a" .. n .. "b"
local nested = ((s):area())

print(n, m, sum, table.concat(parts, "/"), limit, seven, t.value, #t.list)
print(neg, ok, cat, nested)

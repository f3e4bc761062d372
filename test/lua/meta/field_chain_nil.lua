-- Field reads through chains of __index tables (instance -> class -> base -> ...), where the field is nil at every
-- level, found at some level, or the chain changes between reads: compiled code follows the first levels inline.
local Base = {}
Base.__index = Base
local Class = setmetatable({}, { __index = Base })
Class.__index = Class
local o = setmetatable({}, Class)
print(o.x, o.y)
Base.x = 1
print(o.x)
Class.x = 2
print(o.x)
o.x = 3
print(o.x)
o.x = nil
Class.x = nil
print(o.x)
Base.x = false
print(o.x)
Base.x = nil
-- a function __index past the class: called with the table it hangs on
getmetatable(Class).__index = function(t, k) return tostring(t == Base) .. ':' .. k end
print(o.x, o.zz)
getmetatable(Class).__index = Base
print(o.x)

-- chains one to six tables deep, the field at each depth or nowhere
local function chain(depth, at)
  local t = setmetatable({}, { __index = nil })
  local top = t
  for level = 1, depth do
    local c = {}
    if level == at then c.f = level end
    getmetatable(t).__index = c
    setmetatable(c, {})
    t = c
  end
  return top
end
for depth = 1, 6 do
  local line = {}
  for at = 0, depth do line[#line + 1] = tostring(chain(depth, at).f) end
  print(depth, table.concat(line, ' '))
end

-- a metatable without __index, an __index that is neither a table nor a function
print(setmetatable({}, {}).nope)
print(pcall(function() return setmetatable({}, { __index = 5 }).k end) == false)
-- the metatable swapped between reads of the same site
local A = { __index = { v = 'a' } }
local Bm = { __index = { v = 'b' } }
local p = setmetatable({}, A)
local seen = {}
for i = 1, 4 do
  seen[#seen + 1] = tostring(p.v)
  setmetatable(p, i % 2 == 1 and Bm or (i == 2 and {} or A))
end
print(table.concat(seen, ' '))

-- generic functions (local, global, field, method, anonymous), constraints, nested generic arguments (`>>` split)



local function identity(x)
  return x
end

local function map(list, fn)
  local out = {}
  for i = 1, #list do out[i] = fn(list[i]) end
  return out
end

local function wrap(v)
  return {value = {value = v}}
end

local function largest(xs)
  local best = nil
  for _, x in ipairs(xs) do
    if best == nil or x > best then best = x end
  end
  return best
end

function swap(p)
  return {first = p.second, second = p.first}
end

local List = {}
List.__index = List
function List.new(items)
  return setmetatable({items = items}, List)
end
function List:map(fn)
  return List.new(map(self.items, fn))
end
function List:join(sep)
  return table.concat(self.items, sep)
end

local twice = function(x) return {x, x} end

local nested = List.new({})
local d = {value = {first = "n", second = {value = 1}}}
print(identity(5), identity("s"), #nested.items, d.value.second.value)
print(table.concat(map({1, 2, 3}, function(x) return "<" .. x .. ">" end), ","))
print(wrap(9).value.value, largest({3, 9, 4}), largest({}))
local s = swap({first = 1, second = "one"})
print(s.first, s.second)
print(List.new({1, 2, 3}):map(function(x) return x * 10 end):join("+"))
print(#twice("t"), twice(4)[2])
local lt, gt = 1 < 2, 3 > 2
print(lt, gt)

-- generic functions (local, global, field, method, anonymous), constraints, nested generic arguments (`>>` split)
type Box<T> = {value: T}
type Pair<A, B> = {first: A, second: B}

local function identity<T>(x: T): T
  return x
end

local function map<T, U>(list: {T}, fn: (T) -> U): {U}
  local out: {U} = {}
  for i = 1, #list do out[i] = fn(list[i]) end
  return out
end

local function wrap<T>(v: T): Box<Box<T>>
  return {value = {value = v}}
end

local function largest<T: number>(xs: {T}): T?
  local best: T? = nil
  for _, x in ipairs(xs) do
    if best == nil or x > best then best = x end
  end
  return best
end

function swap<A, B>(p: Pair<A, B>): Pair<B, A>
  return {first = p.second, second = p.first}
end

local List = {}
List.__index = List
function List.new<T>(items: {T}): List<T>
  return setmetatable({items = items}, List)
end
function List:map<U>(fn: (any) -> U): List<U>
  return List.new(map(self.items, fn))
end
function List:join(sep: string): string
  return table.concat(self.items, sep)
end

local twice = function<T>(x: T): {T} return {x, x} end

local nested: List<List<List<number>>> = List.new({})
local d: Box<Pair<string, Box<number>>> = {value = {first = "n", second = {value = 1}}}
print(identity(5), identity("s"), #nested.items, d.value.second.value)
print(table.concat(map({1, 2, 3}, function(x: number): string return "<" .. x .. ">" end), ","))
print(wrap(9).value.value, largest({3, 9, 4}), largest({}))
local s = swap({first = 1, second = "one"})
print(s.first, s.second)
print(List.new({1, 2, 3}):map(function(x: number): number return x * 10 end):join("+"))
print(#twice("t"), twice(4)[2])
local lt, gt = 1 < 2, 3 > 2
print(lt, gt)

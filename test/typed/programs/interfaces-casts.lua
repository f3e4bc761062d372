-- interface blocks, casts `x :: T` / `x as T`, non-nil assertion `x!` (all erased, no runtime effect)
interface Shape
  function area(): number
  function scale(by: number): Shape
end

interface Named : Shape
  function name(): string
end

interface Both : Shape, Named
  function describe(prefix: string, n: integer): (string, number)
end

local Square = {}
Square.__index = Square
function Square.new(side: number): Named
  return setmetatable({side = side}, Square)
end
function Square:area(): number return self.side * self.side end
function Square:name(): string return "square" end

local any_value: any = 42
local n = any_value :: number
local m = any_value as number
local sum = n :: number + m as number * 2
local s = Square.new(3) :: Named
local parts = {s:name() as string, tostring(s:area() :: number)}
local opts: {[string]: any}? = {limit = 5}
local limit = (opts!).limit as number
local fn = (function(): number? return 7 end)
local seven = fn()! + 0
local t = {value = nil :: any, list = {1, 2} as {number}}
local neg = -(n :: number) ^ 2
local ok = not (n as boolean?)
local cat = "a" .. n :: number .. "b"
local nested = ((s :: Named):area() as number) :: integer

print(n, m, sum, table.concat(parts, "/"), limit, seven, t.value, #t.list)
print(neg, ok, cat, nested)

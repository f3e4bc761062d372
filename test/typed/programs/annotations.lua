-- annotations on locals, parameters, varargs and returns (every position go-lua's parser.go.y accepts)
local count: number = 0
local a: string, b, c: {number} = "a", true, {1, 2}
local pending: boolean?
pending = false
local nothing: nil
local age: number @min(0) @max(120) = 30
local function clamp(n: integer @min(1), tags: {string} @min_len(1)?): integer return n end

local function add(x: number, y: number): number
  return x + y
end

local function sum(...: number): number
  local total: number = 0
  for _, v in ipairs({...}) do total = total + v end
  return total
end

local function pair(k: string, v: any): string, any
  return k, v
end

local function both(n: integer): (integer, integer)
  return n, n * 2
end

local function none(): ()
  count = count + 1
end

local function describe(name: string, ...: any): (string, integer)
  return name .. ":" .. select("#", ...), select("#", ...)
end

local f: (number) -> number = function(x: number): number return x * 3 end
local g: fun(s: string): string = function(s: string): string return s:upper() end
local h = function(t: {[string]: number}, k: string): number? return t[k] end

none()
none()
print(count, a, b, #c, pending, nothing, age, clamp(4))
print(add(2, 3), sum(1, 2, 3, 4), sum())
print(pair("k", 42))
print(both(21))
print(describe("d", 1, nil, 3))
print(f(4), g("up"), h({x = 7}, "x"), h({}, "y"))

local M = {}
function M.scale(v: number, by: number?): number
  return v * (by or 2)
end
function M:name(): string
  return "M"
end
print(M.scale(5), M.scale(5, 10), M:name())

local squares: {number} = {}
for i = 1, 3 do
  local sq: number = i * i
  squares[#squares + 1] = sq
end
print(table.concat(squares, " "))

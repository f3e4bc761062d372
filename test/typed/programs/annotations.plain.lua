-- annotations on locals, parameters, varargs and returns (every position go-lua's parser.go.y accepts)
local count = 0
local a, b, c = "a", true, {1, 2}
local pending
pending = false
local nothing
local age = 30
local function clamp(n, tags) return n end

local function add(x, y)
  return x + y
end

local function sum(...)
  local total = 0
  for _, v in ipairs({...}) do total = total + v end
  return total
end

local function pair(k, v)
  return k, v
end

local function both(n)
  return n, n * 2
end

local function none()
  count = count + 1
end

local function describe(name, ...)
  return name .. ":" .. select("#", ...), select("#", ...)
end

local f = function(x) return x * 3 end
local g = function(s) return s:upper() end
local h = function(t, k) return t[k] end

none()
none()
print(count, a, b, #c, pending, nothing, age, clamp(4))
print(add(2, 3), sum(1, 2, 3, 4), sum())
print(pair("k", 42))
print(both(21))
print(describe("d", 1, nil, 3))
print(f(4), g("up"), h({x = 7}, "x"), h({}, "y"))

local M = {}
function M.scale(v, by)
  return v * (by or 2)
end
function M:name()
  return "M"
end
print(M.scale(5), M.scale(5, 10), M:name())

local squares = {}
for i = 1, 3 do
  local sq = i * i
  squares[#squares + 1] = sq
end
print(table.concat(squares, " "))

-- closures: closures created inside loops (a fresh upvalue per iteration), upvalues shared between sibling
-- closures and mutated through them, higher-order map/filter/reduce, and function composition.
local M = 1000003

local function counterPair(start)
  local n = start
  local function inc(d) n = n + d; return n end
  local function get() return n end
  return inc, get
end

local function map(t, f)
  local r = {}
  for i = 1, #t do r[i] = f(t[i]) end
  return r
end

local function filter(t, p)
  local r = {}
  for i = 1, #t do
    local v = t[i]
    if p(v) then r[#r + 1] = v end
  end
  return r
end

local function reduce(t, f, acc)
  for i = 1, #t do acc = f(acc, t[i]) end
  return acc
end

local function compose(f, g) return function(x) return f(g(x)) end end

local ROUNDS = 36000
local WIDTH = 100
local check = 0
for round = 1, ROUNDS do
  -- one closure per iteration, each capturing its own `i` and the shared `round`
  local fs = {}
  for i = 1, WIDTH do
    fs[i] = function(x) return (x * i + round) % 1009 end
  end
  local sum = 0
  for i = 1, WIDTH do sum = sum + fs[i](i) end

  -- sibling closures sharing one mutable upvalue
  local inc, get = counterPair(round)
  for i = 1, WIDTH do inc(i % 3) end

  -- higher-order pipeline with fresh anonymous functions
  local k = round % 7 + 1
  local mapped = map(fs, function(f) return f(k) end)
  local odd = filter(mapped, function(v) return v % 2 == 1 end)
  local total = reduce(odd, function(a, b) return a + b end, 0)

  local addK = function(x) return x + k end
  local dbl = function(x) return x * 2 end
  local h = compose(addK, compose(dbl, addK))

  -- a closure that counts its own calls through an upvalue set by an outer loop
  local calls = 0
  local function tick() calls = calls + 1 end
  for _ = 1, round % 50 do tick() end

  check = (check + sum + get() + total + #odd + h(round % 100) + calls) % M
end
print(string.format("closures check %d", check))

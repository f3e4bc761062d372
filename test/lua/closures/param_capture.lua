local function make(x)
  local get = function() return x end
  x = x * 2
  local set = function(v) x = v end
  return get, set
end
local g, s = make(5)
print(g())
s(99)
print(g())
local function varCapture(...)
  local args = { ... }
  return function() return #args, args[1] end
end
print(varCapture("a", "b")())

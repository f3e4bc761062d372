local Obj = {}
Obj.__index = Obj
function Obj:check(v)
  if type(v) ~= "number" then error("expected number, got " .. type(v), 2) end
  return v
end
local o = setmetatable({}, Obj)
print(pcall(function() return o:check(1) end))
print(pcall(function()
  local v = o:check("x")
  return v
end))
-- note: with `return o:check("x")` (a tail call) PUC 5.1 loses the caller frame and prints no position

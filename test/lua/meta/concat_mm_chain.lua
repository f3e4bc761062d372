-- a __concat result that is not a string takes part in the rest of the chain
local mt = {}
mt.__concat = function(a, b)
  local function v(x) return type(x) == "table" and x.s or x end
  return setmetatable({ s = v(a) .. v(b) }, mt)
end
local c = setmetatable({ s = "C" }, mt)
local r = "a" .. c .. "b"
print(type(r), r.s)
local r2 = c .. "x" .. "y"
print(type(r2), r2.s)

local mt = { __concat = function(a, b)
  local function s(x) if type(x) == "table" then return "<" .. x.n .. ">" end return tostring(x) end
  return s(a) .. s(b)
end }
local o = setmetatable({ n = "o" }, mt)
print(o .. "x", "x" .. o, 1 .. o, o .. o)
print("a" .. "b" .. o .. "c")
print((pcall(function() return {} .. "x" end)))

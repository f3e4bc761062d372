local function try(f, catch)
  local ok, e = pcall(f)
  if not ok then return catch(e) end
  return e
end
print(try(function() return "no error" end, function(e) return "caught " .. e end))
print(try(function() error("E1", 0) end, function(e) return "caught " .. e end))
local ok, e = pcall(function()
  try(function() error("inner", 0) end, function(err) error("rethrown " .. err, 0) end)
end)
print(ok, e)
local obj = { kind = "custom" }
local ok2, e2 = pcall(function() local ok3, e3 = pcall(error, obj) error(e3) end)
print(ok2, e2 == obj)

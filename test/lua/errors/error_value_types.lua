local values = { "str", 0, true, false, {}, print }
for i, v in ipairs(values) do
  local ok, e = pcall(error, v, 0)
  print(i, ok, type(e), e == v)
end
local ok, e = pcall(error)
print(ok, e)

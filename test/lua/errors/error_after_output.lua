local function process(list)
  local out = {}
  for _, v in ipairs(list) do
    if type(v) ~= "number" then error("bad item: " .. tostring(v)) end
    out[#out + 1] = v * 2
  end
  return out
end
local ok, r = pcall(process, { 1, 2, 3 })
print(ok, table.concat(r, ","))
ok, r = pcall(process, { 1, "x", 3 })
print(ok, r)

local function serialize(v, indent)
  indent = indent or ""
  if type(v) == "string" then return string.format("%q", v) end
  if type(v) ~= "table" then return tostring(v) end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if type(a) ~= type(b) then return type(a) < type(b) end
    return a < b
  end)
  local out = { "{" }
  for _, k in ipairs(keys) do
    local key = type(k) == "string" and k:match("^[%a_][%w_]*$") and k or "[" .. serialize(k) .. "]"
    out[#out + 1] = indent .. "  " .. key .. " = " .. serialize(v[k], indent .. "  ") .. ","
  end
  out[#out + 1] = indent .. "}"
  return table.concat(out, "\n")
end
print(serialize({ 1, 2, name = "x", ["with space"] = true, nested = { deep = { 1 } }, [10] = "ten" }))

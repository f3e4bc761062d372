-- Unique big expressions and schemas: expr kept the last 1000 compiled expressions whatever their size, and ajv kept
-- every compiled schema (by object) and the $ids of its subschemas, for the life of the runtime.
local function main()
  local body = (",1"):rep(50000) .. "]"
  local enum = ("1,"):rep(20000) .. "1]"
  for i = 1, 150 do
    expr.eval("len([" .. i .. body .. ")")
    json.validate_string('{"$defs":{"a":{"$id":"http://x/' .. i .. '","enum":[' .. enum .. '}},"minimum":' .. i .. '}', "5")
  end
end

return { main = main }

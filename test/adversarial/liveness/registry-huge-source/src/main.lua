local function source(statements)
  return "local x = 0\n" .. string.rep("x = x + 1\n", statements) .. "return { run = function() return x end }"
end

local function make(id, statements)
  local c = registry.snapshot():changes()
  c:create({ id = id, kind = "function.lua", data = { source = source(statements), method = "run" } })
  return c:apply()
end

local function main()
  print("1 MB:", make("app:huge", 100000))
  print("120 KB:", make("app:big", 12000) ~= nil, funcs.call("app:big"))
  return 0
end

return { main = main }

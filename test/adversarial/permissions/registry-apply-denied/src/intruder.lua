local function main()
  local c = registry.snapshot():changes()
  c:create({ id = "app:sneaky", kind = "registry.entry", data = { x = 1 } })
  c:update({ id = "app:answer", kind = "function.lua", data = { source = "return { run = function() return 666 end }", method = "run" } })
  c:delete("app:main")
  local v, err = c:apply()
  print("apply:", v, err and err:kind(), tostring(err))
  print("apply_version:", registry.apply_version(registry.versions()[1]))
  return 0
end

return { main = main }

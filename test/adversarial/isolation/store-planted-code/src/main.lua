local function main()
  process.spawn_monitored("app:planter", "app:processes")
  process.events():receive()
  local s = store.get("app:kv")
  local cfg = assert(s:get("config"))
  print("metatable kept:", getmetatable(cfg.settings) ~= nil)
  print("index of a missing key:", cfg.settings.anything)
  print("function stored as:", type(cfg.hook), tostring(cfg.hook):match("^function: ") ~= nil)
  print("plain copy:", s:get("plain").x)
  return 0
end

return { main = main }

local function main()
  local sub = assert(events.subscribe("config"))
  process.spawn("app:planter", "app:processes")
  local ev = sub:channel():receive()
  print("metatable kept:", getmetatable(ev.data.settings) ~= nil)
  print("index of a missing key:", ev.data.settings.anything)
  print("function sent as:", type(ev.data.hook), tostring(ev.data.hook):match("^function: ") ~= nil)
  return 0
end

return { main = main }

local function main()
  local ears = process.spawn("app:ears", "app:processes", process.pid())
  process.inbox():receive()
  local applier = process.spawn_monitored("app:applier", "app:processes")
  local ev = process.events():receive()
  local err = tostring(ev.result.error)
  print("applier stopped:", ev.from == applier, err:match("memory") ~= nil or err:match("without giving way") ~= nil)
  print("changes applied:", registry.get("app:e5000") ~= nil)
  process.send(ears, "ping", "subscriber still answers")
  print(process.inbox():receive():payload():data())
  return 0
end

return { main = main }

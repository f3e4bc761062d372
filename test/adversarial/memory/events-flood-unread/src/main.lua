local function main()
  local deaf = process.spawn("app:deaf", "app:processes", process.pid())
  process.inbox():receive()
  local flooder = process.spawn_monitored("app:flooder", "app:processes")
  local ev = process.events():receive()
  print("flooder stopped:", ev.from == flooder, tostring(ev.result.error):match("memory") ~= nil)
  process.send(deaf, "ping", "subscriber still answers")
  print(process.inbox():receive():payload():data())
  return 0
end

return { main = main }

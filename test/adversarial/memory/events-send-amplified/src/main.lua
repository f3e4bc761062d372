local function main()
  local ears = process.spawn("app:ears", "app:processes", process.pid())
  process.inbox():receive()
  local sender = process.spawn_monitored("app:sender", "app:processes")
  local ev = process.events():receive()
  local err = tostring(ev.result.error)
  print("sender stopped:", ev.from == sender, err:match("memory limit exceeded") ~= nil or err:match("without giving way") ~= nil)
  process.send(ears, "ping", "subscriber still answers")
  print(process.inbox():receive():payload():data())
  return 0
end

return { main = main }

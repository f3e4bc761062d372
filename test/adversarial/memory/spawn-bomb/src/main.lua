local function main()
  local bomb = process.spawn_monitored("app:bomb", "app:processes")
  local ev = process.events():receive()
  print("exit from bomb", ev.kind == process.event.EXIT and ev.from == bomb)
  print(tostring(ev.result.error))
  -- the bomb's processes are gone with it: spawning works again
  local echo = process.spawn("app:echo", "app:processes", process.pid())
  process.send(echo, "ping", "spawn works")
  print(process.inbox():receive():payload():data())
  return 0
end

return { main = main }

local function main()
  local echo = process.spawn("app:echo", "app:processes", process.pid())
  local hog = process.spawn_monitored("app:hog", "app:processes")
  local ev = process.events():receive()
  print("exit from hog", ev.kind == process.event.EXIT and ev.from == hog)
  print(ev.result.error:kind(), ev.result.error:message())
  process.send(echo, "ping", "echo still runs")
  print(process.inbox():receive():payload():data())
  return 0
end

return { main = main }

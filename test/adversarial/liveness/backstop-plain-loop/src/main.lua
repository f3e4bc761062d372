local time = require("time")

local function main()
  local spinner = process.spawn_monitored("app:spinner", "app:processes")
  local ev = process.events():receive()
  print("exit from spinner", ev.kind == process.event.EXIT and ev.from == spinner)
  print(tostring(ev.result.error))
  time.sleep("5ms")
  print("main still runs")
  return 0
end

return { main = main }

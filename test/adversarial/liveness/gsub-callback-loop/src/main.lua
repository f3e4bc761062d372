local time = require("time")

local function main()
  local spinner = process.spawn_monitored("app:spinner", "app:processes")
  for i = 1, 20 do time.sleep("1ms") end
  print("main got its turns")
  print("terminated", process.terminate(spinner))
  local ev = process.events():receive()
  print("exit from spinner", ev.kind == process.event.EXIT and ev.from == spinner)
  return 0
end

return { main = main }

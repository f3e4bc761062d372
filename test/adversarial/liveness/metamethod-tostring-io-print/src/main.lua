local time = require("time")

-- The spinner never leaves its metamethod: the node must still run main's timers, and terminate must end it.
local function main()
  local spinner = process.spawn_monitored("app:spinner", "app:processes")
  local t0 = time.now()
  for i = 1, 5 do time.sleep("10ms") end
  print("ticker kept ticking", time.now():sub(t0):milliseconds() < 2000)
  print("terminate", process.terminate(spinner))
  local ev = process.events():receive()
  print("EXIT to monitor", ev.kind == process.event.EXIT and ev.from == spinner)
  return 0
end

return { main = main }

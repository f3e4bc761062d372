local time = require("time")

local function main()
  local raiser = process.spawn_monitored("app:raiser", "app:processes")
  local ev = process.events():receive()
  print("EXIT to monitor", ev.kind == process.event.EXIT and ev.from == raiser)
  print("error text falls back to the address", tostring(ev.result.error):match("^table: 0x") ~= nil)
  time.sleep("10ms")
  print("main still runs")
  return 0
end

return { main = main }

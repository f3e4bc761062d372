local time = require("time")
local function main()
  local pid = process.spawn_monitored("app:bomb", "app:processes")
  time.sleep("100ms") -- the bomb has made its tickers
  local worst, last = 0, time.now()
  for _ = 1, 20 do
    time.sleep("10ms")
    local now = time.now()
    local gap = now:sub(last):milliseconds()
    if gap > worst then worst = gap end
    last = now
  end
  print("sleeps kept waking:", worst < 250)
  print("terminated:", process.terminate(pid))
  print("EXIT seen:", process.events():receive().kind == process.event.EXIT)
  return 0
end
return { main = main }

local time = require("time")
local function main()
  local pid = process.spawn_monitored("app:spin", "app:processes")
  local worst, last = 0, time.now()
  for _ = 1, 10 do
    time.sleep("10ms")
    local now = time.now()
    local gap = now:sub(last):milliseconds()
    if gap > worst then worst = gap end
    last = now
  end
  print("sleeps kept waking:", worst < 250)
  print("terminated:", process.terminate(pid))
  local ev = process.events():receive()
  print("EXIT seen:", ev.kind == process.event.EXIT and ev.from == pid)
  return 0
end
return { main = main }

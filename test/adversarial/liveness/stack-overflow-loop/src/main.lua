local time = require("time")

local function main()
  local spinner = process.spawn_monitored("app:spinner", "app:processes")
  -- the longest wait between two 1 ms sleeps: up to a second before overflows were charged to the budget
  local last, maxgap = time.now(), 0
  for i = 1, 20 do
    time.sleep("1ms")
    local t = time.now()
    local g = t:sub(last):milliseconds()
    if g > maxgap then maxgap = g end
    last = t
  end
  print("longest wait under 150 ms", maxgap < 150)
  print("terminated", process.terminate(spinner))
  local ev = process.events():receive()
  print("exit from spinner", ev.kind == process.event.EXIT and ev.from == spinner)
  return 0
end

return { main = main }

local time = require("time")

local function main()
  local spinner = process.spawn_monitored("app:spinner", "app:processes")
  for i = 1, 3 do
    time.sleep("2ms")
    print("tick", i)
  end
  print("terminate", process.terminate(spinner))
  local ev = process.events():receive()
  print("exit from spinner", ev.kind == process.event.EXIT and ev.from == spinner)
  return 0
end

return { main = main }

local time = require("time")

local function main()
  local bomb = process.spawn_monitored("app:bomb", "app:processes")
  local ev = process.events():receive()
  print("exit from bomb", ev.kind == process.event.EXIT and ev.from == bomb)
  print(tostring(ev.result.error))
  -- the bomb's processes are gone with it: spawning works again once the collector has given their memory back (a
  -- spawn is refused while the heap still reads above the guard's mark, so retry for up to two seconds)
  local echo, err
  for _ = 1, 40 do
    echo, err = process.spawn("app:echo", "app:processes", process.pid())
    if echo then break end
    time.sleep("50ms")
  end
  if not echo then error(err) end
  process.send(echo, "ping", "spawn works")
  print(process.inbox():receive():payload():data())
  return 0
end

return { main = main }

-- Waits `pause` (the driver opens the page meanwhile), then plays `trips` rounds of ping-pong at full speed between
-- "start" and "done CPU" lines on stdout (CPU: os.clock() of the phase, the inspector's server work included).
local time = require("time")

local function main(trips, pause)
  trips = tonumber(trips) or 100000
  local pong = process.spawn_linked("app:pong", "app:processes")
  local inbox = process.inbox()
  time.sleep(pause or "1500ms")
  print("start")
  local t0 = os.clock()
  for i = 1, trips do
    process.send(pong, "ping", i)
    inbox:receive()
  end
  print(string.format("done %.4f", os.clock() - t0))
end

return { main = main }

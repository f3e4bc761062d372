-- Spawns "pong" under a registered name and plays `rounds` rounds with it (0: forever, one round a second).
local time = require("time")

local function main(rounds)
  rounds = tonumber(rounds) or 3
  process.with_options({}):with_name("pong"):spawn_linked("app:pong", "app:processes")
  local pong_pid = process.registry.lookup("pong")
  print("pong is registered as " .. tostring(pong_pid ~= nil and "pong" or "?"))

  local inbox = process.inbox()
  local events = process.events()
  local i = 0
  while rounds == 0 or i < rounds do
    i = i + 1
    process.send("pong", "ping", i)
    local r = channel.select({ inbox:case_receive(), events:case_receive() })
    if r.channel == events then
      if r.value.kind == process.event.CANCEL then
        print("main: cancelled after " .. (i - 1) .. " rounds")
        return
      end
    else
      local msg = r.value
      print(string.format("round %d: %s %d from %s", i, msg:topic(), msg:payload():data(),
        msg:from() == pong_pid and "pong" or msg:from()))
    end
    if rounds == 0 then time.sleep("1s") end
  end
end

return { main = main }

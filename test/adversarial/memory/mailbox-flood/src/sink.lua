local time = require("time")

-- subscribes only after the flood is queued, then takes every message in order
local function main(parent, n)
  time.sleep("50ms")
  local inbox = process.inbox()
  local last, ordered = 0, true
  for _ = 1, n do
    local v = inbox:receive():payload():data()
    if v ~= last + 1 then ordered = false end
    last = v
  end
  process.send(parent, "done", last, ordered)
end

return { main = main }

-- Answers every message with "pong" and the same payload, to its sender.
local function main()
  local inbox = process.inbox()
  while true do
    local m = inbox:receive()
    process.send(m:from(), "pong", m:payload():data())
  end
end

return { main = main }

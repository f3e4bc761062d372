-- Answers every "ping" with a "pong" carrying the same number.
local function main()
  local inbox = process.inbox()
  while true do
    local m = inbox:receive()
    process.send(m:from(), "pong", m:payload():data())
  end
end

return { main = main }

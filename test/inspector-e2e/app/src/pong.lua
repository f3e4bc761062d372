-- Answers every "ping" with a "pong" carrying the same number.
local function main()
  local inbox = process.inbox()
  while true do
    local msg = inbox:receive()
    process.send(msg:from(), "pong", msg:payload():data())
  end
end

return { main = main }

-- Answers every "ping" with a "pong" carrying the same number, until it is cancelled.
local function main()
  local inbox = process.inbox()
  local events = process.events()
  while true do
    local r = channel.select({ inbox:case_receive(), events:case_receive() })
    if r.channel == events then
      if r.value.kind == process.event.CANCEL then
        return "pong stopped"
      end
    else
      local msg = r.value
      process.send(msg:from(), "pong", msg:payload():data())
    end
  end
end

return { main = main }

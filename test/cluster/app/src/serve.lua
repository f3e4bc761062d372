-- Waits until the node stops it (a CANCEL): the node stays up and serves the others' spawns meanwhile.
local function main()
  local events = process.events()
  while true do
    local ev = events:receive()
    if ev.kind == process.event.CANCEL then return end
  end
end

return { main = main }

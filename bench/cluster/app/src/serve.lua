-- Node b's one service: waits until the node stops it, so the node serves a's spawns meanwhile.
local function main()
  local events = process.events()
  while events:receive().kind ~= process.event.CANCEL do end
end
return { main = main }

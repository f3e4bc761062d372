local function main(parent)
  local subs = {}
  for i = 1, 4000 do subs[i] = assert(events.subscribe("registry")) end
  process.send(parent, "ready", true)
  local m = process.inbox():receive()
  process.send(parent, "alive", m:payload():data())
end

return { main = main }

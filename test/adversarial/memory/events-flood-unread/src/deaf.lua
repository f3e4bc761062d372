local function main(parent)
  assert(events.subscribe("flood"))
  process.send(parent, "subscribed", true)
  local m = process.inbox():receive()
  process.send(parent, "alive", m:payload():data())
end

return { main = main }

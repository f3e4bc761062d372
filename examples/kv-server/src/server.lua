-- The key-value server: each inbox message is a request {op, key, value, reply}; the answer goes back to the
-- sender on the request's reply topic. It stops on CANCEL.
local function main()
  local store, size = {}, 0
  local inbox, events = process.inbox(), process.events()
  while true do
    local r = channel.select({ inbox:case_receive(), events:case_receive() })
    if r.channel == events then
      if r.value.kind == process.event.CANCEL then return size end
    else
      local msg = r.value
      local req = msg:payload():data()
      local reply
      if req.op == "put" then
        if store[req.key] == nil then size = size + 1 end
        store[req.key] = req.value
        reply = { ok = true }
      elseif req.op == "get" then
        reply = { ok = store[req.key] ~= nil, value = store[req.key] }
      elseif req.op == "delete" then
        if store[req.key] ~= nil then size = size - 1 end
        reply = { ok = store[req.key] ~= nil }
        store[req.key] = nil
      elseif req.op == "size" then
        reply = { ok = true, value = size }
      else
        reply = { ok = false, error = "unknown op " .. tostring(req.op) }
      end
      process.send(msg:from(), req.reply, reply)
    end
  end
end

return { main = main }

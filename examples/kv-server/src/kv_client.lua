-- Client side of the key-value protocol: call(op, key, value) sends a request with a fresh reply topic and waits
-- for the answer on that topic (process.listen), giving up after a timeout.
local kv = {}
local seq = 0

function kv.call(server, op, key, value)
  seq = seq + 1
  local topic = "kv.reply." .. seq
  local replies = process.listen(topic)
  process.send(server, "request", { op = op, key = key, value = value, reply = topic })
  local r = channel.select({ replies:case_receive(), time.after("1s"):case_receive() })
  process.unlisten(replies)
  if r.channel ~= replies then
    return nil, errors.new({ kind = errors.TIMEOUT, message = "kv " .. op .. " timed out" })
  end
  return r.value
end

return kv

local function main()
  process.spawn_monitored("app:evil", "app:processes")
  local ev = process.events():receive() -- evil has finished
  print("evil exited", ev.result.error)
  local ch = channel.new(1)
  ch:send(1)
  process.send(process.pid(), "t", 2)
  local msg = process.inbox():receive()
  print(ch:receive(), msg:topic(), msg:payload():data(), errors.new("x"):message(), time.parse_duration("1s"):seconds())
  return 0
end

return { main = main }

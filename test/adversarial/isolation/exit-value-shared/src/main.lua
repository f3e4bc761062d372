local function main()
  local events, inbox = process.events(), process.inbox()
  local child = process.spawn_monitored("app:child", "app:processes")
  local other = process.spawn("app:other", "app:processes")
  process.send(other, "watch", { child = child, main = process.pid() })
  inbox:receive() -- other monitors the child now
  process.send(child, "go", 1)
  local ev = events:receive()
  ev.result.value.n = 99 -- the attack: write into the table the other monitor also received
  process.send(other, "check", 1)
  print("main sees", ev.result.value.n, "other sees", inbox:receive():payload():data())
  return 0
end

return { main = main }

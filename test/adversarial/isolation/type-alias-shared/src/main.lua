local function main()
  local inbox = process.inbox()
  local a = process.spawn("app:typed", "app:processes", "num", process.pid())
  inbox:receive()
  -- the attacker: same chunk, loaded second, with its own global Num
  local b = process.spawn("app:typed", "app:processes", "str", process.pid())
  inbox:receive()
  process.send(a, "go", 1)
  print(inbox:receive():payload():data())
  process.send(b, "go", 1)
  print(inbox:receive():payload():data())
  return 0
end

return { main = main }

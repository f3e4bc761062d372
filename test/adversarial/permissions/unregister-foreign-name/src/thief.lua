local function main(parent)
  local ok, err = process.registry.unregister("svc")
  print("unregister:", ok, err and err:kind())
  local ok2, err2 = process.registry.register("svc")
  print("register:", ok2, err2 and err2:kind())
  process.send(parent, "tried")
  -- only a stolen name brings a message here; otherwise this waits until the node stops
  print("THIEF READ:", process.inbox():receive():payload():data())
  return 0
end
return { main = main }

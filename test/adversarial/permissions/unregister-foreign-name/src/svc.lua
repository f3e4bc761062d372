local function main(parent)
  process.registry.register("svc")
  process.send(parent, "ready")
  local m = process.inbox():receive()
  print("svc got:", m:payload():data())
  return 0
end
return { main = main }

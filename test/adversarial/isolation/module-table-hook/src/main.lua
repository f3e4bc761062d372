local function main()
  process.spawn_monitored("app:evil", "app:processes")
  local ev = process.events():receive() -- evil has finished
  print("evil exited", ev.result.error)
  print(type(time.now()), process.event.EXIT, process.registry.lookup("nobody"), errors.new("x"):message(), ctx.get("k"))
  return 0
end

return { main = main }

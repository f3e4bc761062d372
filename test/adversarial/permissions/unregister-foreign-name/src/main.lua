local function main()
  local inbox = process.inbox()
  local svc = process.spawn_monitored("app:svc", "app:processes", process.pid())
  inbox:receive() -- svc holds its name
  local scope = security.new_scope({ security.policy("app:allow_all"), security.policy("app:no_foreign") })
  local actor = security.new_actor("thief", {})
  process.with_context({}):with_actor(actor):with_scope(scope):spawn("app:thief", "app:processes", process.pid())
  inbox:receive() -- the thief has tried
  print("svc still owns its name:", process.registry.lookup("svc") == svc)
  process.send("svc", "request", "secret")
  process.events():receive() -- svc exits after one message
  return 0
end
return { main = main }

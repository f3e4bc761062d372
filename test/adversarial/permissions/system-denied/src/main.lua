local function main()
  local procs = system.runtime.max_procs()
  local scope = security.new_scope({ security.policy("app:allow_all"), security.policy("app:no_system") })
  process.with_context({}):with_actor(security.new_actor("intruder", {})):with_scope(scope)
    :spawn_monitored("app:intruder", "app:processes")
  process.events():receive()
  time.sleep("20ms")
  print("still running:", system.gc.get_percent(), system.runtime.max_procs() == procs)
  return 0
end

return { main = main }

local function main()
  -- a version 2 exists, so that moving back to version 1 would change something
  local c = registry.snapshot():changes()
  c:create({ id = "app:v2", kind = "registry.entry" })
  assert(c:apply())
  local scope = security.new_scope({ security.policy("app:allow_all"), security.policy("app:no_apply") })
  process.with_context({}):with_actor(security.new_actor("intruder", {})):with_scope(scope)
    :spawn_monitored("app:intruder", "app:processes")
  process.events():receive()
  print("unchanged:", registry.current_version():string(), registry.get("app:sneaky"), registry.get("app:main") ~= nil,
    registry.get("app:v2") ~= nil, funcs.call("app:answer"))
  return 0
end

return { main = main }

local function main()
  local scope = security.new_scope({ security.policy("app:allow_all"), security.policy("app:no_names") })
  local actor = security.new_actor("squatter", {})
  process.with_context({}):with_actor(actor):with_scope(scope):spawn_monitored("app:squatter", "app:processes")
  process.events():receive() -- the squatter is done
  print("main registers svc:", process.registry.register("svc"))
  return 0
end
return { main = main }

local function main()
  local scope = security.new_scope({ security.policy("app:allow_all"), security.policy("app:no_send") })
  local actor = security.new_actor("sender", {})
  process.with_context({}):with_actor(actor):with_scope(scope):spawn_monitored("app:sender", "app:processes")
  process.events():receive() -- the sender is done
  return 0
end
return { main = main }

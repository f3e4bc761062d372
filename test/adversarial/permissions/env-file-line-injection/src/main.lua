local function main()
  assert(env.set("FOO", "init"))
  assert(env.set("ADMIN", "real"))
  local scope = security.new_scope({ security.policy("app:allow_all"), security.policy("app:no_admin") })
  process.with_context({}):with_actor(security.new_actor("setter", {})):with_scope(scope)
    :spawn_monitored("app:setter", "app:processes")
  process.events():receive()
  print("ADMIN:", env.get("ADMIN"))
  print("FOO:", env.get("FOO"))
  return 0
end

return { main = main }

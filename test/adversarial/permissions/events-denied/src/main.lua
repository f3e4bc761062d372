local function main()
  local all = assert(events.subscribe("*"))
  local odd = {}
  for _, p in ipairs({ "sec?et", "secret.**", "**", "secret*x" }) do odd[p] = assert(events.subscribe(p)) end
  local scope = security.new_scope({ security.policy("app:allow_all"), security.policy("app:no_secret") })
  process.with_context({}):with_actor(security.new_actor("spy", {})):with_scope(scope)
    :spawn_monitored("app:spy", "app:processes")
  process.events():receive()
  time.sleep("10ms")
  local got = {}
  while true do
    local r = channel.select({ all:channel():case_receive(), time.after("20ms"):case_receive() })
    if r.channel ~= all:channel() then break end
    got[#got + 1] = r.value.system .. "=" .. tostring(r.value.data)
  end
  print("main got:", table.concat(got, ","))
  events.send("secret", "k", "/p", 1)
  for _, p in ipairs({ "sec?et", "secret.**", "**", "secret*x" }) do
    local r = channel.select({ odd[p]:channel():case_receive(), default = true })
    print("pattern '" .. p .. "' matched secret:", not r.default)
  end
  return 0
end

return { main = main }

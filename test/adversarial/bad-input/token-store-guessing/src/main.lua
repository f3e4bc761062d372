local function main()
  local ts = assert(security.token_store("app:signed"))
  local token = assert(ts:create(security.new_actor("alice", { role = "admin" }), security.new_scope({})))
  local random, sig = token:match("^([^.]+)%.(.+)$")
  local other = assert(security.token_store("app:unsigned"):create(security.new_actor("mallory", {}), security.new_scope({})))
  local guesses = {
    "", ".", "..", random, random .. ".", random .. "." .. string.rep("A", #sig), token:sub(1, -2),
    token .. "A", other, string.rep("x", 5 * 1024 * 1024), string.rep(".", 100000), "app:" .. token, ":" .. random,
  }
  local answers = {}
  for _, g in ipairs(guesses) do
    local actor, _, err = ts:validate(g)
    answers[tostring(actor) .. " " .. tostring(err)] = true
  end
  for a in pairs(answers) do print("guess answer:", a) end
  print("not a string:", pcall(ts.validate, ts, {}))
  local actor = ts:validate(token)
  print("real token:", actor:id())
  local scope = security.new_scope({ security.policy("app:allow_all"), security.policy("app:no_validate") })
  process.with_context({}):with_actor(security.new_actor("guesser", {})):with_scope(scope)
    :spawn_monitored("app:guesser", "app:processes", token)
  process.events():receive()
  return 0
end

return { main = main }

local function main()
  for _, id in ipairs({ "app:big", "app:huge" }) do print(id, security.token_store(id)) end
  local ts = assert(security.token_store("app:longest"))
  local token = assert(ts:create(security.new_actor("alice", {}), security.new_scope({})))
  print("4096 bytes:", #token, ts:validate(token):id())
  return 0
end

return { main = main }

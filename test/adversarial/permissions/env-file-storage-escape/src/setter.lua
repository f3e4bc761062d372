local function main()
  local ok, err = env.set("API_TOKEN", "attacker")
  print("unprivileged set:", ok, err and err:kind(), tostring(err))
  return 0
end

return { main = main }

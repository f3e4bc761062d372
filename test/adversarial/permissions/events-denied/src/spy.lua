local function main()
  print("send secret:", events.send("secret", "k", "/p", "leak"))
  print("send other:", events.send("public", "k", "/p", "fine"))
  for _, pattern in ipairs({ "secret", "" }) do
    local sub, err = events.subscribe(pattern)
    print("subscribe '" .. pattern .. "':", sub ~= nil, err and tostring(err))
    if sub then sub:close() end
  end
  return 0
end

return { main = main }

local function main()
  print("spawn:", process.spawn("app:evil", "app:processes"))
  local ok, err = process.upgrade("app:evil")
  print("upgrade:", ok, err:kind(), err:message())
  return 0
end
return { main = main }

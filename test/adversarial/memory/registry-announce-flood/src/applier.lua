local function main()
  local c = registry.snapshot():changes()
  for i = 1, 5000 do
    c:create({ id = "app:e" .. i, kind = "registry.entry", meta = { a = 1 }, data = { x = i, y = { 1, 2, 3 } } })
  end
  c:apply()
  return 0
end

return { main = main }

local function main()
  local n = 400000
  local sink = process.spawn("app:sink", "app:processes", process.pid(), n)
  for i = 1, n do process.send(sink, "n", i) end
  local d = process.inbox():receive():payload()
  print(d[1]:data(), d[2]:data())
  return 0
end

return { main = main }

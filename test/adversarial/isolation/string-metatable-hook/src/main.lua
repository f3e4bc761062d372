local function main()
  process.spawn_monitored("app:evil", "app:processes")
  process.events():receive() -- evil has finished
  print(("abc"):upper(), ("ABC"):lower(), ("ab"):rep(2), getmetatable("").__metatable)
  return 0
end

return { main = main }

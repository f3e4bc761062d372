local function main()
  local keeper = process.spawn_monitored("app:keeper", "app:processes")
  local flooder = process.spawn_monitored("app:flooder", "app:processes", keeper)
  local ev = process.events():receive()
  print("stopped", ev.from == keeper or ev.from == flooder, tostring(ev.result.error))
  return 0
end

return { main = main }

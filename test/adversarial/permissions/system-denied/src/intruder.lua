local function main()
  print("exit:", system.exit(3))
  print("gc:", system.gc.collect())
  print("gc percent:", system.gc.set_percent(5))
  print("max procs:", system.runtime.max_procs(1))
  print("memory limit:", system.memory.set_limit(1))
  print("memory stats:", system.memory.stats())
  return 0
end

return { main = main }

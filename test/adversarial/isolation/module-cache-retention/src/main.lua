local function heap_mb()
  system.gc.collect()
  system.gc.collect()
  return system.memory.allocated() / 1048576
end

local function main()
  local before = heap_mb()
  local pid = process.spawn_monitored("app:filler", "app:processes")
  local ev = process.events():receive()
  print("filler ended", ev.kind == process.event.EXIT and ev.from == pid, tostring(ev.result and ev.result.error))
  local kept = heap_mb() - before
  -- a few MB of compiled code and small cached entries may stay; the big entries were hundreds of MB
  print("kept under 64 MB", kept < 64)
  return 0
end

return { main = main }

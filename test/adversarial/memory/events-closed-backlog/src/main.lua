local function main()
  system.gc.collect()
  local base = system.memory.allocated()
  local filler = string.rep("x", 200)
  for _ = 1, 5 do
    local sub = assert(events.subscribe("flood"))
    for i = 1, 100000 do events.send("flood", "k", "/p", { i = i, s = filler .. i }) end
    sub:close()
  end
  system.gc.collect()
  local kept = (system.memory.allocated() - base) / 1e6
  print("kept after five closed floods under 20 MB:", kept < 20)
  return 0
end

return { main = main }

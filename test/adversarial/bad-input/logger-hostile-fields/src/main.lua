local function main()
  local cyc = {}
  cyc.self = cyc
  cyc[1] = cyc
  logger:info("cyclic", { c = cyc })
  local deep = {}
  local t = deep
  for _ = 1, 100000 do
    t.n = {}
    t = t.n
  end
  print("deep map:", pcall(logger.info, logger, "deep", { d = deep }))
  local deeplist = {}
  t = deeplist
  for _ = 1, 100000 do
    t[1] = {}
    t = t[1]
  end
  print("deep list:", pcall(logger.warn, logger, "deep", { d = deeplist }))
  logger:info(string.rep("m", 10 * 1024 * 1024), { f = string.rep("f", 1024 * 1024) })
  local loop = function() while true do end end
  logger:error("metatable", { m = setmetatable({ a = 1 }, { __index = loop, __pairs = loop, __tostring = loop }) })
  logger:info("bytes \255\254", { ["k\255"] = "v\128" })
  print("named:", pcall(logger.named, logger, ""))
  print("not a table:", pcall(logger.info, logger, "x", "fields"))
  for i = 1, 100000 do logger:info("flood", { i = i }) end
  print("done")
  return 0
end

return { main = main }

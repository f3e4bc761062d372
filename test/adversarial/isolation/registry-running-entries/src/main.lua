local function apply(f)
  local c = registry.snapshot():changes()
  f(c)
  return c:apply()
end

local function main()
  local running = funcs.async("app:slow")
  time.sleep("10ms")
  assert(apply(function(c)
    c:update({ id = "app:slow", kind = "function.lua", data = { source = "return { run = function() return 'new' end }", method = "run" } })
  end))
  print("running call:", running:response():receive():data())
  print("next call:", funcs.call("app:slow"))

  process.spawn_monitored("app:worker", "app:processes")
  time.sleep("5ms")
  assert(apply(function(c) c:delete("app:worker") end))
  print("worker exit error:", process.events():receive().result.error)
  print("spawn deleted:", process.spawn("app:worker", "app:processes"))

  local cyc = {}
  cyc.me = cyc
  local deep = {}
  local t = deep
  for _ = 1, 100000 do
    t.n = {}
    t = t.n
  end
  local hostile = {
    { id = "app:cyc", kind = "registry.entry", data = cyc },
    { id = "app:fn", kind = "registry.entry", data = { f = print, co = coroutine.create(print) } },
    { id = "app:proto", kind = "registry.entry", meta = { __proto__ = { x = 1 }, constructor = "c" }, data = { __proto__ = 1 } },
    { id = "app:deep", kind = "registry.entry", data = deep },
    { id = "app:trav", kind = "function.lua", data = { source = "file://../../../../etc/passwd", method = "run" } },
    { id = "app:abs", kind = "function.lua", data = { source = "file:///etc/passwd", method = "run" } },
    { id = "", kind = "registry.entry" },
    { id = "app:nokind", kind = 42 },
  }
  for i, e in ipairs(hostile) do
    local c = registry.snapshot():changes()
    local made, err = c:create(e)
    local v
    if made then v, err = c:apply() end
    print("hostile " .. i .. ":", v ~= nil, err and tostring(err))
  end
  local proto = registry.get("app:proto")
  print("proto read back:", proto.meta.constructor)

  assert(apply(function(c)
    for i = 1, 5000 do c:create({ id = "app:e" .. i, kind = "registry.entry", data = { i = i } }) end
  end))
  local e1 = registry.get("app:e1")
  print("5000 entries:", #registry.find({ [".name"] = "e*" }), registry.get("app:e5000").data.i, e1.meta.x, e1.data.x)
  return 0
end

return { main = main }

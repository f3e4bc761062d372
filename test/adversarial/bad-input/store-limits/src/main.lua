local function main()
  local s = store.get("app:kv")
  local full
  for i = 1, 20 do
    local ok, err = s:set("k" .. i, i)
    if not ok then
      full = string.format("full at key %d: %s %s %s", i, err:kind(), tostring(err:retryable()), tostring(err))
      break
    end
  end
  print(full)
  print("update when full:", s:set("k1", "again"))
  for _, ttl in ipairs({ -1, 0 / 0, 1 / 0, -1 / 0, 1e308, 0.000001 }) do
    local ok = s:set("k2", "ttl", ttl)
    print("ttl " .. tostring(ttl) .. ":", ok)
  end
  time.sleep("5ms")
  print("after the last ttl passed:", s:get("k2"))
  print("1 MB key when full:", s:set(string.rep("k", 1024 * 1024), 1))
  print("20 MB value:", s:set("k3", string.rep("v", 20 * 1024 * 1024)), #s:get("k3"))
  local cyc = {}
  cyc.self = cyc
  assert(s:set("k4", cyc))
  local back = s:get("k4")
  print("cyclic:", back.self == back, back ~= cyc)
  local deep = {}
  local t = deep
  for _ = 1, 200000 do
    t.n = {}
    t = t.n
  end
  print("deep:", pcall(s.set, s, "k5", deep))
  local page = s:list({ limit = 1e9 })
  print("list limit 1e9:", #page.items, page.has_more)
  print("list limit -5:", s:list({ limit = -5 }))
  return 0
end

return { main = main }

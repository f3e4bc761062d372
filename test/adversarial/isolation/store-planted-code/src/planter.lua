local function main()
  local s = store.get("app:kv")
  local trap = setmetatable({}, { __index = function(_, k) return "planted code ran in " .. tostring(process.pid()) end })
  local hits = 0
  assert(s:set("config", { settings = trap, hook = function() hits = hits + 1 return hits end }))
  -- a stored table is a copy: changing the original or a read copy changes nothing stored
  local t = { x = "orig" }
  assert(s:set("plain", t))
  t.x = "changed after set"
  s:get("plain").x = "changed after get"
  return 0
end

return { main = main }

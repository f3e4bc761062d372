-- Starts the server under the name "kv", stores a few keys, reads them back, deletes one, and checks the size.
local kv = require("kv")

local function main()
  process.with_options({}):with_name("kv"):spawn_linked("app:server", "app:processes")
  for i, fruit in ipairs({ "apple", "banana", "cherry" }) do
    assert(kv.call("kv", "put", fruit, i * 10).ok)
  end
  for _, fruit in ipairs({ "apple", "cherry", "durian" }) do
    local r = kv.call("kv", "get", fruit)
    print(string.format("get %s -> %s", fruit, r.ok and tostring(r.value) or "missing"))
  end
  print("delete banana ->", kv.call("kv", "delete", "banana").ok)
  print("size ->", kv.call("kv", "size").value)
  local bad = kv.call("kv", "frobnicate")
  print("frobnicate ->", bad.ok, bad.error)
  process.cancel("kv", "client done")
  return "ok"
end

return { main = main }

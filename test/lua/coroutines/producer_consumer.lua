local function producer()
  return coroutine.create(function()
    for _, item in ipairs({ "a", "b", "c" }) do coroutine.yield(item) end
    return nil
  end)
end
local function consumer(p)
  local got = {}
  while true do
    local ok, item = coroutine.resume(p)
    if not ok or item == nil then break end
    got[#got + 1] = item
  end
  return table.concat(got)
end
print(consumer(producer()))

local time = require("time")

-- 1000 messages, then a pause: each step gives way, so nothing here is a busy loop
local function main(keeper)
  local i = 0
  while true do
    for _ = 1, 1000 do
      i = i + 1
      process.send(keeper, "x", { i, "payload " .. i })
    end
    time.sleep("1ms")
  end
end

return { main = main }

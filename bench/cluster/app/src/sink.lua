-- The stream's end: counts `n` messages, then tells `report`.
local function main(report, n)
  local inbox = process.inbox()
  for _ = 1, n do inbox:receive() end
  process.send(report, "done", n)
end
return { main = main }

-- A ring member: told the next member, it passes each token on with one hop fewer; a spent token goes to `report`.
local function main(report)
  local inbox = process.inbox()
  local nxt = inbox:receive():payload():data()
  while true do
    local hops = inbox:receive():payload():data()
    if hops == 0 then process.send(report, "spent", 0) else process.send(nxt, "t", hops - 1) end
  end
end
return { main = main }

-- Registers itself as `name` in `scope` (a number: process.registry's values) and prints what happens: the
-- register's answer, events (a revoked EVENTUAL name's CANCEL), messages; "unreg" unregisters, "stop" ends it.
local function errtext(err)
  if err == nil then return "" end
  local d = err:details() or {}
  return err:kind() .. " " .. err:message() .. " " .. tostring(d.existing_pid)
end

local function main(name, scope)
  local ok, err = process.registry.register(name, nil, scope)
  print(name .. " reg " .. tostring(ok) .. " " .. errtext(err))
  local inbox, events = process.inbox(), process.events()
  while true do
    local r = channel.select({ inbox:case_receive(), events:case_receive() })
    if r.channel == events then
      print(name .. " event " .. r.value.kind .. " " .. tostring(r.value.reason))
    else
      local topic = r.value:topic()
      if topic == "unreg" then
        local ok2, err2 = process.registry.unregister(name, scope)
        print(name .. " unreg " .. tostring(ok2) .. " " .. errtext(err2))
      elseif topic == "stop" then
        return
      else
        print(name .. " got " .. topic)
      end
    end
  end
end

return { main = main }

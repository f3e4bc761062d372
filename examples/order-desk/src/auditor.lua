-- app:auditor: subscribes to the `system` events of the bus (default "orders") and aggregates them: orders priced and
-- rejected, revenue, discounts, units per sku, revenue per customer. Registers itself as `name` when given one.
--
-- A "report" message {published = n} is answered (to its sender, topic "report") once the auditor has seen n events
-- of its system: the bus and the inbox are separate queues, so a report asked right after publishing must wait for
-- the last events to arrive.
local function new_totals()
  return { priced = 0, rejected = 0, revenue = 0, discounts = 0, units = {}, customers = {}, reasons = {} }
end

local function record(totals, evt)
  local d = evt.data
  if evt.kind == "order.priced" then
    totals.priced = totals.priced + 1
    totals.revenue = totals.revenue + d.total
    totals.discounts = totals.discounts + d.discount
    totals.customers[d.customer] = (totals.customers[d.customer] or 0) + d.total
    for _, line in ipairs(d.lines) do
      totals.units[line.sku] = (totals.units[line.sku] or 0) + line.qty
    end
  elseif evt.kind == "order.rejected" then
    totals.rejected = totals.rejected + 1
    totals.reasons[#totals.reasons + 1] = d.id .. ": " .. d.reason
  end
end

local function main(system, name)
  system = system or "orders"
  local log = logger:named("auditor"):with({ system = system })

  local sub, err = events.subscribe(system)
  if not sub then
    log:error("cannot subscribe", { error = err })
    return nil, err
  end
  if name then process.registry.register(name) end
  log:info("listening")

  local bus, inbox, lifecycle = sub:channel(), process.inbox(), process.events()
  local totals, seen = new_totals(), 0
  local waiting = {} -- report requests not answered yet: {from, published}

  local function answer_ready()
    for i = #waiting, 1, -1 do
      local w = waiting[i]
      if seen >= w.published then
        process.send(w.from, "report", totals)
        table.remove(waiting, i)
      end
    end
  end

  while true do
    local r = channel.select({ bus:case_receive(), inbox:case_receive(), lifecycle:case_receive() })
    if r.channel == bus then
      seen = seen + 1
      record(totals, r.value)
      log:debug("event", { kind = r.value.kind, path = r.value.path })
    elseif r.channel == inbox then
      local msg = r.value
      if msg:topic() == "report" then
        local req = msg:payload():data() or {}
        waiting[#waiting + 1] = { from = msg:from(), published = req.published or 0 }
      end
    elseif r.value.kind == process.event.CANCEL then
      sub:close()
      log:info("stopped", { events = seen, priced = totals.priced, rejected = totals.rejected })
      return seen
    end
    answer_ready()
  end
end

return { main = main }

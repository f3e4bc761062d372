-- app:desk: the order desk. Reads one JSON order per line of stdin, prices them all at once through app:price_order
-- (one funcs.async call each, so the orders are priced side by side), prints a receipt line per order in input order,
-- publishes each outcome on the "orders" bus (order.priced / order.rejected), then asks the auditor for its report
-- and prints it as JSON. Returns the exit code: 0, or 2 when any order was rejected.
local SYSTEM = "orders"

local log = logger:named("desk")

-- The auditor service registers itself once it is subscribed; it may start after the desk.
local function find_auditor()
  for _ = 1, 100 do
    local pid = process.registry.lookup("auditor")
    if pid then return pid end
    time.sleep("20ms")
  end
  return nil
end

-- Every line of stdin, each started on its way: {id, future} for an order, {id, problem} for a line that is not one.
local function read_orders()
  local slots, n = {}, 0
  while true do
    local line = io.readline()
    if line == nil then break end
    n = n + 1
    if line:match("%S") then
      local order, err = json.decode(line)
      local id = type(order) == "table" and type(order.id) == "string" and order.id or ("line " .. n)
      if err then
        slots[#slots + 1] = { id = id, problem = "not JSON: " .. tostring(err) }
      else
        local future, call_err = funcs.async("app:price_order", order)
        slots[#slots + 1] = { id = id, future = future, problem = call_err and tostring(call_err) }
      end
    end
  end
  return slots
end

-- The priced order, or nil and why it was not priced.
local function outcome(slot)
  if slot.problem then return nil, slot.problem end
  slot.future:response():receive()
  local payload, err = slot.future:result()
  if err then return nil, tostring(err) end
  return payload:data()
end

local function receipt(p)
  return string.format("%-8s %-8s %3d items %8s  -%6s  = %8s", p.id, p.customer, p.count,
    catalog.money(p.subtotal), catalog.money(p.discount), catalog.money(p.total))
end

local function main()
  local auditor = find_auditor()
  if not auditor then return nil, "the auditor service is not running" end

  local slots = read_orders()
  log:info("orders read", { count = #slots })

  local published, rejected = 0, 0
  for _, slot in ipairs(slots) do
    local priced, why = outcome(slot)
    if priced then
      print(receipt(priced))
      events.send(SYSTEM, "order.priced", "/orders/" .. priced.id, priced)
      log:info("order priced", { id = priced.id, customer = priced.customer, total = priced.total })
    else
      rejected = rejected + 1
      print(string.format("%-8s rejected: %s", slot.id, why))
      events.send(SYSTEM, "order.rejected", "/orders/" .. slot.id, { id = slot.id, reason = why })
      log:warn("order rejected", { id = slot.id, reason = why })
    end
    published = published + 1
  end

  process.send(auditor, "report", { published = published })
  local inbox, timeout = process.inbox(), time.after("2s")
  local r = channel.select({ inbox:case_receive(), timeout:case_receive() })
  if r.channel == timeout then return nil, "no report from the auditor" end
  local report = r.value:payload():data()
  print(string.format("%d priced, %d rejected, revenue %s (discounts %s)", report.priced, report.rejected,
    catalog.money(report.revenue), catalog.money(report.discounts)))
  local text = json.encode(report)
  print(text)

  return rejected == 0 and 0 or 2
end

return { main = main }

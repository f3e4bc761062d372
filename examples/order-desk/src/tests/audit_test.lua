-- app:auditor on a bus system of its own: it counts what is published there and reports it.
local SYSTEM = "orders.test"

local function report(auditor, published)
  process.send(auditor, "report", { published = published })
  local inbox, timeout = process.inbox(), time.after("2s")
  local r = channel.select({ inbox:case_receive(), timeout:case_receive() })
  if r.channel == timeout then error("no report from the auditor", 2) end
  return r.value:payload():data()
end

local function main()
  local auditor = process.spawn("app:auditor", "app:processes", SYSTEM)
  -- an answer to a report of nothing means it is subscribed
  check.eq(report(auditor, 0).priced, 0, "priced before")

  events.send(SYSTEM, "order.priced", "/orders/T-1", {
    id = "T-1", customer = "ada", total = 900, discount = 0, lines = { { sku = "tea", qty = 2 } },
  })
  events.send(SYSTEM, "order.priced", "/orders/T-2", {
    id = "T-2", customer = "ada", total = 5700, discount = 300, lines = { { sku = "coffee", qty = 10 } },
  })
  events.send(SYSTEM, "order.rejected", "/orders/T-3", { id = "T-3", reason = "no items" })
  events.send("orders.other", "order.priced", "/orders/T-4", { id = "T-4" }) -- another system: not counted

  local totals = report(auditor, 3)
  check.eq(totals.priced, 2, "priced")
  check.eq(totals.rejected, 1, "rejected")
  check.eq(totals.revenue, 6600, "revenue")
  check.eq(totals.discounts, 300, "discounts")
  check.eq(totals.customers.ada, 6600, "ada's total")
  check.eq(totals.units.coffee, 10, "coffees")
  check.eq(totals.reasons[1], "T-3: no items", "reason")
  process.cancel(auditor)
end

return { main = main }

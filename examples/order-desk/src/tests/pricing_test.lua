-- app:price_order through funcs.call and funcs.async, as the desk calls it.
local function order(id, items) return { id = id, customer = "test", items = items } end

local function prices_an_order()
  local p, err = funcs.call("app:price_order", order("T-1", { { sku = "tea", qty = 2 }, { sku = "scone", qty = 1 } }))
  check.eq(err, nil, "error")
  check.eq(p.id, "T-1", "id")
  check.eq(#p.lines, 2, "lines")
  check.eq(p.lines[1].amount, 900, "tea line")
  check.eq(p.count, 3, "count")
  check.eq(p.subtotal, 1225, "subtotal")
  check.eq(p.discount, 0, "discount")
  check.eq(p.total, 1225, "total")
end

local function bulk_and_order_discounts()
  -- 10 coffees: 5% off their line
  local p = funcs.call("app:price_order", order("T-2", { { sku = "coffee", qty = catalog.BULK_QTY } }))
  check.eq(p.discount, 300, "bulk discount")
  check.eq(p.total, 5700, "bulk total")
  -- 9 mugs come to 108.00: 10% off the order
  p = funcs.call("app:price_order", order("T-3", { { sku = "mug", qty = 9 } }))
  check.eq(p.discount, 1080, "order discount")
  check.eq(p.total, 9720, "order total")
  -- both: 20 coffees (120.00, 6.00 off the line), then 10% of the 114.00 left
  p = funcs.call("app:price_order", order("T-4", { { sku = "coffee", qty = 20 } }))
  check.eq(p.discount, 600 + 1140, "both discounts")
  check.eq(p.total, 10260, "both total")
end

local function refuses_bad_orders()
  local cases = {
    { order("T-5", { { sku = "kettle", qty = 1 } }), "unknown sku 'kettle'" },
    { order("T-6", { { sku = "tea", qty = 0 } }), "quantity must be a whole number above 0" },
    { order("T-7", { { sku = "tea", qty = 1.5 } }), "quantity must be a whole number above 0" },
    { order("T-8", {}), "no items" },
    { { customer = "x", items = { { sku = "tea", qty = 1 } } }, "order id missing" },
  }
  for i, c in ipairs(cases) do
    local p, err = funcs.call("app:price_order", c[1])
    check.eq(p, nil, "case " .. i .. " result")
    check.contains(tostring(err), c[2], "case " .. i .. " error")
  end
end

local function prices_side_by_side()
  local futures = {}
  for i = 1, 20 do
    futures[i] = funcs.async("app:price_order", order("T-" .. i, { { sku = "jam", qty = i } }))
  end
  for i, f in ipairs(futures) do
    f:response():receive()
    local payload, err = f:result()
    check.eq(err, nil, "future " .. i .. " error")
    check.eq(payload:data().id, "T-" .. i, "future " .. i .. " id")
  end
end

return {
  prices_an_order = prices_an_order,
  bulk_and_order_discounts = bulk_and_order_discounts,
  refuses_bad_orders = refuses_bad_orders,
  prices_side_by_side = prices_side_by_side,
}

-- app:price_order: prices one order {id, customer, items = {{sku, qty}, ...}}.
-- Returns {id, customer, items, lines = {{sku, qty, unit, amount}}, subtotal, discount, total} (cents), or nil and
-- the reason the order cannot be priced; funcs.call / funcs.async give that reason to the caller as the call's error.
local log = logger:named("pricing")

local function check(order)
  if type(order) ~= "table" then return "an order must be an object" end
  if type(order.id) ~= "string" or order.id == "" then return "order id missing" end
  if type(order.customer) ~= "string" or order.customer == "" then return "customer missing" end
  if type(order.items) ~= "table" or #order.items == 0 then return "no items" end
  for i, item in ipairs(order.items) do
    if catalog.PRICES[item.sku] == nil then
      return string.format("item %d: unknown sku '%s'", i, tostring(item.sku))
    end
    local qty = item.qty
    if type(qty) ~= "number" or qty < 1 or qty % 1 ~= 0 then
      return string.format("item %d: quantity must be a whole number above 0", i)
    end
  end
  return nil
end

local function call(order)
  local problem = check(order)
  if problem then
    log:debug("refused", { id = type(order) == "table" and order.id or nil, reason = problem })
    return nil, problem
  end

  local lines, subtotal, discount, count = {}, 0, 0, 0
  for _, item in ipairs(order.items) do
    local unit = catalog.PRICES[item.sku]
    local amount = unit * item.qty
    if item.qty >= catalog.BULK_QTY then
      local off = catalog.percent_of(amount, catalog.BULK_PERCENT)
      discount = discount + off
      amount = amount - off
    end
    subtotal = subtotal + unit * item.qty
    count = count + item.qty
    lines[#lines + 1] = { sku = item.sku, qty = item.qty, unit = unit, amount = amount }
  end
  if subtotal - discount >= catalog.ORDER_THRESHOLD then
    discount = discount + catalog.percent_of(subtotal - discount, catalog.ORDER_PERCENT)
  end

  local priced = {
    id = order.id,
    customer = order.customer,
    lines = lines,
    count = count,
    subtotal = subtotal,
    discount = discount,
    total = subtotal - discount,
  }
  log:debug("priced", { id = order.id, total = priced.total })
  return priced
end

return { call = call }

-- The price list (cents, so totals stay exact) and the discount rules.
local catalog = {}

catalog.PRICES = {
  tea = 450,
  coffee = 600,
  scone = 325,
  jam = 550,
  mug = 1200,
}

-- 5% off a line of 10 or more of one item; 10% off an order whose lines come to 100.00 or more
catalog.BULK_QTY = 10
catalog.BULK_PERCENT = 5
catalog.ORDER_THRESHOLD = 10000
catalog.ORDER_PERCENT = 10

-- "12.34" from 1234 cents
function catalog.money(cents)
  return string.format("%d.%02d", cents // 100, cents % 100)
end

-- `percent` of `cents`, rounded down to a whole cent
function catalog.percent_of(cents, percent)
  return cents * percent // 100
end

return catalog

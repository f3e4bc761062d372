-- json.encode of a ~1 KB document (an order with customer, 8 line items, tags and flags), N times; a fresh document
-- every 64 encodes so no layer can cache the text. `json` is the module under test, `clock` a CPU clock in seconds.
local N = 20000
local function document(i)
  local items = {}
  for k = 1, 8 do
    items[k] = { sku = 'SKU-' .. (i * 8 + k), name = 'Widget number ' .. k, qty = k, price = 9.5 + k, taxable = k % 2 == 0 }
  end
  return {
    id = i, status = 'confirmed', created = '2026-12-07T09:00:00Z', currency = 'EUR', total = 1234.56,
    customer = { id = 'c-' .. i, name = 'Ada "the" Lovelace', email = 'ada@example.org', vip = true },
    items = items, tags = { 'priority', 'gift', 'eu' }, note = 'Leave at the door\nRing twice',
  }
end
local t0, bytes, doc = clock(), 0, nil
for i = 1, N do
  if i % 64 == 1 then doc = document(i) end
  bytes = bytes + #json.encode(doc)
end
local cpu = clock() - t0
print(string.format('json.encode ops=%d cpu_ms=%.1f avg_bytes=%d', N, cpu * 1000, math.floor(bytes / N)))

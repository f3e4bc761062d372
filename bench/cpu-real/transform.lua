-- transform: table-heavy data processing of the kind report and API code does: records built from generated
-- rows, a join against a lookup table, group-by with aggregation, table.sort with multi-key comparators, top-N per
-- group, and a pivot rendered as text.
local seed = 2024
local function rand(n)
  seed = (seed * 16807) % 2147483647
  return seed % n
end

local regions = { 'north', 'south', 'east', 'west', 'central' }
local products = {}
for i = 1, 60 do
  products['p' .. i] = { id = 'p' .. i, category = ({ 'books', 'games', 'tools', 'food', 'toys' })[i % 5 + 1],
    price = 100 + (i * 37) % 900 }
end
local first = { 'ana', 'bo', 'cy', 'di', 'ed', 'flo', 'gus', 'hal', 'ivy', 'jo' }
local last = { 'smith', 'jones', 'lee', 'brown', 'garcia', 'kim', 'novak' }

local function make_rows(n)
  local rows = {}
  for i = 1, n do
    rows[i] = {
      id = i,
      customer = first[rand(#first) + 1] .. ' ' .. last[rand(#last) + 1],
      region = regions[rand(#regions) + 1],
      product = 'p' .. (rand(60) + 1),
      qty = rand(9) + 1,
      day = rand(365) + 1,
      discount = rand(4) * 5,
    }
  end
  return rows
end

local function enrich(rows)
  local out = {}
  for i, r in ipairs(rows) do
    local p = products[r.product]
    out[i] = {
      id = r.id, customer = r.customer, region = r.region, category = p.category, product = r.product,
      qty = r.qty, day = r.day, month = math.floor((r.day - 1) / 31) + 1,
      revenue = math.floor(p.price * r.qty * (100 - r.discount) / 100),
    }
  end
  return out
end

local function group_by(records, key_fn)
  local groups, order = {}, {}
  for _, r in ipairs(records) do
    local k = key_fn(r)
    local g = groups[k]
    if not g then
      g = { key = k, items = {} }
      groups[k] = g
      order[#order + 1] = k
    end
    g.items[#g.items + 1] = r
  end
  return groups, order
end

local function aggregate(items)
  local a = { count = #items, revenue = 0, qty = 0, min = math.huge, max = -math.huge, customers = {} }
  local distinct = 0
  for _, r in ipairs(items) do
    a.revenue = a.revenue + r.revenue
    a.qty = a.qty + r.qty
    if r.revenue < a.min then a.min = r.revenue end
    if r.revenue > a.max then a.max = r.revenue end
    if not a.customers[r.customer] then
      a.customers[r.customer] = true
      distinct = distinct + 1
    end
  end
  a.distinct = distinct
  return a
end

-- Multi-key sorts: region ascending, revenue descending, then customer and id ascending (a total order, so the
-- result does not depend on the sort algorithm).
local function by_region_revenue(a, b)
  if a.region ~= b.region then return a.region < b.region end
  if a.revenue ~= b.revenue then return a.revenue > b.revenue end
  if a.customer ~= b.customer then return a.customer < b.customer end
  return a.id < b.id
end

local function sort_by(fields)
  return function(a, b)
    for _, f in ipairs(fields) do
      local name, desc = f[1], f[2]
      local x, y = a[name], b[name]
      if x ~= y then
        if desc then return x > y end
        return x < y
      end
    end
    return false
  end
end

local h = 0
local function mix(s)
  s = tostring(s)
  for i = 1, #s do h = (h * 31 + string.byte(s, i)) % 2147483647 end
end

local total_revenue = 0
for round = 1, 30 do
  local records = enrich(make_rows(6000))

  table.sort(records, by_region_revenue)
  for i = 1, #records, 97 do mix(records[i].id) end

  local by_customer = group_by(records, function(r) return r.customer end)
  local ranking = {}
  for name, g in pairs(by_customer) do
    local a = aggregate(g.items)
    ranking[#ranking + 1] = { name = name, revenue = a.revenue, count = a.count, qty = a.qty }
  end
  table.sort(ranking, sort_by({ { 'revenue', true }, { 'count', false }, { 'name', false } }))
  for i = 1, 5 do mix(ranking[i].name .. ':' .. ranking[i].revenue) end

  local cells, keys = group_by(records, function(r) return r.region .. '/' .. r.category .. '/' .. r.month end)
  table.sort(keys)
  local lines = {}
  for _, k in ipairs(keys) do
    local a = aggregate(cells[k].items)
    lines[#lines + 1] = string.format('%-24s %5d %8d %6d %6d %4d', k, a.count, a.revenue, a.min, a.max, a.distinct)
    total_revenue = total_revenue + a.revenue
  end
  mix(table.concat(lines, '\n'))

  -- Top 3 orders per region by quantity then revenue.
  local regions_g, region_keys = group_by(records, function(r) return r.region end)
  table.sort(region_keys, function(a, b) return a > b end)
  for _, k in ipairs(region_keys) do
    local items = regions_g[k].items
    table.sort(items, sort_by({ { 'qty', true }, { 'revenue', true }, { 'id', false } }))
    for i = 1, 3 do mix(k .. items[i].id) end
  end
end
print(string.format('transform: revenue %d, checksum %d', total_revenue, h))

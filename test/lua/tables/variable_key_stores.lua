-- Stores with a variable string key: sets and maps of data in orders of their own (made dictionaries early),
-- records of one shape built the same way, keys cleared and added again, a metatable without __newindex, the
-- same keys through constant-key stores, and keys that look like numbers.
local names = {}
for i = 1, 40 do names[i] = 'user ' .. i end
local seed = 11
local function rand(n)
  seed = (seed * 16807) % 2147483647
  return seed % n
end

local total = 0
for round = 1, 300 do
  local seen, count = {}, 0
  for _ = 1, 25 do
    local k = names[rand(#names) + 1]
    if not seen[k] then
      seen[k] = true
      count = count + 1
    end
  end
  local n = 0
  for k, v in pairs(seen) do
    if v ~= true or type(k) ~= 'string' then error('bad entry') end
    n = n + 1
  end
  if n ~= count then error('count ' .. n .. ' ~= ' .. count) end
  total = total + count
end
print('sets', total)

local fields = { 'id', 'name', 'price', 'qty', 'active' }
local sum = 0
for i = 1, 200 do
  local r = {}
  for j, f in ipairs(fields) do r[f] = i * j end
  sum = sum + r.id + r.name + r.price + r.qty + r.active
  r.name = nil
  r[fields[2]] = -1
  sum = sum + r.name
end
print('records', sum)

local counts = {}
local words = { 'a', 'b', 'a', 'c', '10', 'b', 'a', '', 'x y', '10' }
for _, w in ipairs(words) do counts[w] = (counts[w] or 0) + 1 end
local keys = {}
for k in pairs(counts) do keys[#keys + 1] = k end
table.sort(keys)
local line = ""
for _, k in ipairs(keys) do line = line .. "[" .. k .. "]=" .. counts[k] .. " " end
print(line, counts[10], counts['10'])

local Class = {}
Class.__index = Class
local o = setmetatable({}, Class)
for i = 1, 30 do o['f' .. i] = i end
for i = 1, 30, 2 do o['f' .. i] = nil end
local left = 0
for k, v in pairs(o) do left = left + v end
print('object', left, o.f2, o.f3)

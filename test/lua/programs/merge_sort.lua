local function merge(a, b, cmp)
  local out, i, j = {}, 1, 1
  while i <= #a and j <= #b do
    if cmp(b[j], a[i]) then out[#out + 1] = b[j] j = j + 1 else out[#out + 1] = a[i] i = i + 1 end
  end
  for k = i, #a do out[#out + 1] = a[k] end
  for k = j, #b do out[#out + 1] = b[k] end
  return out
end
local function msort(t, cmp)
  cmp = cmp or function(x, y) return x < y end
  if #t <= 1 then return t end
  local mid = math.floor(#t / 2)
  local left, right = {}, {}
  for i = 1, mid do left[#left + 1] = t[i] end
  for i = mid + 1, #t do right[#right + 1] = t[i] end
  return merge(msort(left, cmp), msort(right, cmp), cmp)
end
local recs = {}
for i = 1, 12 do recs[i] = { key = i % 4, id = i } end
local sorted = msort(recs, function(a, b) return a.key < b.key end)
local out = {}
for i, r in ipairs(sorted) do out[i] = r.key .. ":" .. r.id end
print(table.concat(out, " "))
local nums = {}
for i = 1, 3000 do nums[i] = (i * 7919) % 3001 end
local s = msort(nums)
print(s[1], s[1500], s[3000], #s)

local function bsearch(a, v)
  local lo, hi = 1, #a
  while lo <= hi do
    local mid = math.floor((lo + hi) / 2)
    if a[mid] == v then return mid
    elseif a[mid] < v then lo = mid + 1
    else hi = mid - 1 end
  end
  return nil, lo
end
local a = {}
for i = 1, 1000 do a[i] = i * 3 end
print(bsearch(a, 3), bsearch(a, 300), bsearch(a, 3000), bsearch(a, 301))
print(bsearch(a, 0))
print(bsearch(a, 5000))

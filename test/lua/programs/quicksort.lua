local function qsort(a, lo, hi)
  lo, hi = lo or 1, hi or #a
  if lo >= hi then return a end
  local p, i = a[hi], lo - 1
  for j = lo, hi - 1 do
    if a[j] <= p then i = i + 1 a[i], a[j] = a[j], a[i] end
  end
  a[i + 1], a[hi] = a[hi], a[i + 1]
  qsort(a, lo, i)
  qsort(a, i + 2, hi)
  return a
end
local t, x = {}, 7
for i = 1, 2000 do x = (x * 16807) % 2147483647 t[i] = x % 1000 end
qsort(t)
print(t[1], t[500], t[1000], t[2000])
local words = qsort({ "pear", "apple", "fig", "banana", "cherry", "apple" })
print(table.concat(words, " "))

local function factors(n)
  local out = {}
  local d = 2
  while d * d <= n do
    while n % d == 0 do out[#out + 1] = d n = n / d end
    d = d + 1
  end
  if n > 1 then out[#out + 1] = n end
  return out
end
for _, n in ipairs({ 2, 12, 97, 360, 1001, 65536, 999999, 123456789 }) do
  print(n, table.concat(factors(n), "*"))
end

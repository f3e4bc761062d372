local out = {}
for i = 1, 4 do
  for j = i, 4 do
    out[#out + 1] = i * j
  end
end
print(table.concat(out, " "))
local primes = {}
for n = 2, 60 do
  local isPrime = true
  for d = 2, math.floor(math.sqrt(n)) do
    if n % d == 0 then isPrime = false break end
  end
  if isPrime then primes[#primes + 1] = n end
end
print(table.concat(primes, ","))

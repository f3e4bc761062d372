local function gcd(a, b) while b ~= 0 do a, b = b, a % b end return a end
print(gcd(48, 18), gcd(17, 5), gcd(0, 9))
local function isInt(x) return x == math.floor(x) end
print(isInt(3), isInt(3.5), isInt(-2))
local n = 0
for i = 1, 100 do if i % 3 == 0 or i % 5 == 0 then n = n + i end end
print(n)
print(2 ^ 31 - 1, 2 ^ 31 % 7, (2 ^ 31) / 2)
print(1e15 / 1e5, 123456789 * 1000)

local function digits(n)
  local out = {}
  repeat out[#out + 1] = n % 10 n = math.floor(n / 10) until n == 0
  return table.concat(out):reverse()
end
print(digits(12345), digits(0), digits(9007199254740))
local function tobase(n, b)
  local s, chars = "", "0123456789abcdef"
  repeat local d = n % b s = chars:sub(d + 1, d + 1) .. s n = (n - d) / b until n == 0
  return s
end
print(tobase(255, 16), tobase(255, 2), tobase(8, 8))

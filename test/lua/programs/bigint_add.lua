local function add(a, b)
  local res, carry = {}, 0
  local i, j = #a, #b
  while i > 0 or j > 0 or carry > 0 do
    local da = i > 0 and a:byte(i) - 48 or 0
    local db = j > 0 and b:byte(j) - 48 or 0
    local s = da + db + carry
    res[#res + 1] = s % 10
    carry = math.floor(s / 10)
    i, j = i - 1, j - 1
  end
  return table.concat(res):reverse()
end
local function mul(a, b)
  local res = {}
  for i = 1, #a + #b do res[i] = 0 end
  for i = #a, 1, -1 do
    for j = #b, 1, -1 do
      local p = (a:byte(i) - 48) * (b:byte(j) - 48) + res[i + j]
      res[i + j] = p % 10
      res[i + j - 1] = res[i + j - 1] + math.floor(p / 10)
    end
  end
  local s = table.concat(res):gsub("^0+", "")
  return s == "" and "0" or s
end
print(add("99999999999999999999", "1"))
print(mul("123456789", "987654321"))
local f = "1"
for i = 2, 30 do f = mul(f, tostring(i)) end
print(f)
local a, b = "0", "1"
for _ = 1, 100 do a, b = b, add(a, b) end
print(a)

local function adler32(s)
  local a, b = 1, 0
  for i = 1, #s do
    a = (a + s:byte(i)) % 65521
    b = (b + a) % 65521
  end
  return b * 65536 + a
end
print(adler32("Wikipedia"), string.format("%08x", adler32("Wikipedia")))
local function djb2(s)
  local h = 5381
  for i = 1, #s do h = (h * 33 + s:byte(i)) % 4294967296 end
  return h
end
print(djb2("hello"), djb2(""), djb2(string.rep("abc", 100)))

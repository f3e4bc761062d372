local s = "aB3 _-!\t\n"
local classes = { "%a", "%d", "%l", "%u", "%s", "%w", "%p", "%c", "%x", "%A", "%D", "%S", "%W" }
for _, c in ipairs(classes) do
  local n = 0
  for _ in s:gmatch(c) do n = n + 1 end
  print(c, n)
end
print(("0x1F zz"):gsub("%x", "#"))
print(("a.b"):gsub("%.", "%%"))

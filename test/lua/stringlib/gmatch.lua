for w in string.gmatch("one two  three", "%a+") do print(w) end
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do print(k, v) end
local n = 0
for _ in ("abc"):gmatch("") do n = n + 1 end
print(n)
for pos in ("a.b.c"):gmatch("()%.") do print(pos) end
local words = {}
for w in ("The quick brown fox"):gmatch("%S+") do words[#words + 1] = w:lower() end
print(table.concat(words, "|"))

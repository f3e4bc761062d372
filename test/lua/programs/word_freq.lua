local text = [[
the quick brown fox jumps over the lazy dog the fox
The DOG barks; the fox runs. Quick, quick!
]]
local freq = {}
for w in text:lower():gmatch("%a+") do freq[w] = (freq[w] or 0) + 1 end
local words = {}
for w, n in pairs(freq) do words[#words + 1] = { w = w, n = n } end
table.sort(words, function(a, b) if a.n ~= b.n then return a.n > b.n end return a.w < b.w end)
for i = 1, 6 do print(words[i].w, words[i].n) end
print(#words)

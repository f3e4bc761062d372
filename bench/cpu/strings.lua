-- strings: string.format, concatenation with `..`, sub/byte/upper/rep, table.concat, gsub (string, table and
-- function replacements), find (plain and pattern) and gmatch. Every number that reaches a string is an integer.
local words = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa" }
local nwords = #words
local N = 200000
local BATCH = 100

local hash = 0
local function mix(v)
  hash = (hash * 31 + v) % 1000003
end

local upperLen, replacedTotal, found = 0, 0, 0
local parts = {}
local subst = { alpha = "A", beta = "B", gamma = "G" }
for i = 1, N do
  local w = words[i % nwords + 1]
  local s = string.format("%s-%05d:%x;%s", w, i, (i * 7) % 65536, words[(i * 3) % nwords + 1])
  local dash = s:find("-", 1, true)
  local head = s:sub(1, dash - 1)
  local tail = s:sub(dash + 1)
  local t = head:upper() .. "/" .. tail .. "/" .. #head
  upperLen = upperLen + #t
  mix(t:byte(1) + t:byte(-1))
  parts[#parts + 1] = t
  if #parts == BATCH then
    local joined = table.concat(parts, ",")
    local swapped, n = joined:gsub("(%u+)/(%d+)", "%2=%1")
    replacedTotal = replacedTotal + n
    mix(#swapped)
    for num in joined:gmatch("/(%d+):") do
      mix(tonumber(num) % 1000)
    end
    for k, v in joined:gmatch("(%w+)=(%w+)") do mix(#k + #v) end
    local lowered = joined:lower():gsub("%a+", subst)
    mix(#lowered)
    local counted = select(2, joined:gsub(";", ";"))
    mix(counted)
    local pos = 1
    while true do
      local a, b = joined:find("[;,]%l+", pos)
      if not a then break end
      found = found + (b - a)
      pos = b + 1
    end
    local rep = string.rep("ab", i % 13 + 1)
    mix(#(rep .. tostring(i) .. string.char(65 + i % 26)))
    local nums = joined:gsub("%d+", function(d) return #d end)
    mix(#nums)
    parts = {}
  end
end
print(string.format("strings hash %d upper %d replaced %d found %d", hash, upperLen, replacedTotal, found))

local fs = {}
for i = 1, 3 do
  for j = 1, 2 do
    fs[#fs + 1] = function() return i * 10 + j end
  end
end
local out = {}
for k, f in ipairs(fs) do out[k] = f() end
print(table.concat(out, " "))
local ws = {}
local i = 0
while i < 3 do
  i = i + 1
  local k = i
  for j = 1, 2 do
    ws[#ws + 1] = function() return k .. ":" .. j end
  end
end
out = {}
for n, f in ipairs(ws) do out[n] = f() end
print(table.concat(out, " "))

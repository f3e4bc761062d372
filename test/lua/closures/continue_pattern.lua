-- `continue` emulated with repeat ... until true and break
local out = {}
for i = 1, 10 do
  repeat
    if i % 3 == 0 then break end
    out[#out + 1] = i
  until true
end
print(table.concat(out, ","))
local fs = {}
for i = 1, 4 do
  repeat
    local v = i * i
    if i == 2 then break end
    fs[#fs + 1] = function() return v end
  until true
end
out = {}
for k, f in ipairs(fs) do out[k] = f() end
print(table.concat(out, ","))

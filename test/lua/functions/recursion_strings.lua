local function rev(s) if #s <= 1 then return s end return rev(s:sub(2)) .. s:sub(1, 1) end
print(rev("recursion"))
local function pal(s) if #s < 2 then return true end return s:sub(1, 1) == s:sub(-1) and pal(s:sub(2, -2)) end
print(pal("racecar"), pal("abca"), pal(""))
local function flatten(t, out)
  out = out or {}
  for _, v in ipairs(t) do if type(v) == "table" then flatten(v, out) else out[#out + 1] = v end end
  return out
end
print(table.concat(flatten({ 1, { 2, { 3, { 4, { 5 } } } }, 6 }), ","))

-- Anchored find/match at a position whose byte cannot start a match (the quick first-byte answer) and at one that
-- can: end of subject, past it, negative init, captures before the first item, a first item that may be empty,
-- and a malformed pattern whose error lies after a first item that fails.
local pats = { '^[%a_][%w_%-]*', '^%d+', '^"[^"\n]*"', '^[ \t]+', '^\r?\n', '^(%a)(%d*)', '^()x', '^a-b', '^%s*x' }
local subjects = { 'abc 12 "q"\n', '  x', '\r\nz', '42x', '', 'x' }
for _, s in ipairs(subjects) do
  local out = {}
  for _, p in ipairs(pats) do
    for init = -3, #s + 2 do
      local r = { string.find(s, p, init) }
      local m = { string.match(s, p, init) }
      out[#out + 1] = #r .. ':' .. table.concat(r, ',') .. ' ' .. #m .. ':' .. table.concat(m, ',')
    end
  end
  print(table.concat(out, ';'))
end
print(pcall(string.find, 'z', '^a(', 1))
print(pcall(string.find, 'a', '^a(', 1))
print(pcall(string.find, 'z', '^a[', 1))
print(pcall(string.find, 'a', '^a[', 1))

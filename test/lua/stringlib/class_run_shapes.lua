-- Patterns that are one class, or a few one-byte classes before a last one: one byte of it, a run of one or more, a
-- run of zero or more, each also captured, through find, match, gmatch and gsub, anchored or not, from every init
-- (before the start, past the end).
local pats = { '[%c"\\]', '%s', '[ \n\r\t]*', '^[ \n\r\t]*', '%d*', '(%a*)', '(%d)', '^%a', '.*', '^.', '[^,]*', 'x*',
  '[%a_][%w_]*', '^[%a_][%w_%-]*', '%d%d', '(%a%d+)', 'a.b', '^%-?%d*', 'x%s*', '%s%a', '(,,)', 'b,*' }
local subjects = { 'id_9 x-1 a1b 42,7 -5', 'ab "c"\n\t\\d', '  12 x', '', 'xxx', 'a,b,,c', '\1\2 z' }
for _, s in ipairs(subjects) do
  local out = {}
  for _, p in ipairs(pats) do
    for init = -2, #s + 2 do
      local r = { string.find(s, p, init) }
      local m = { string.match(s, p, init) }
      out[#out + 1] = #r .. ':' .. table.concat(r, ',') .. '/' .. #m .. ':' .. table.concat(m, ',')
    end
    local g = {}
    for a, b in string.gmatch(s, p) do g[#g + 1] = tostring(a) .. tostring(b) end
    local r1, n1 = string.gsub(s, p, '<%0>')
    local r2, n2 = string.gsub(s, p, function(c) return '[' .. #c .. ']' end)
    local r3, n3 = string.gsub(s, p, { a = 'A', x = false }, 2)
    out[#out + 1] = table.concat(g, '|') .. ' ' .. r1 .. n1 .. ' ' .. r2 .. n2 .. ' ' .. r3 .. n3
  end
  print((string.gsub(table.concat(out, ';'), '%c', function(c) return '\\' .. string.byte(c) end)))
end

-- The trim shape `^A*(.-)B*$` (matched without a RegExp): leading and trailing runs, a subject that is all blanks,
-- empty subjects, other classes on each side, the unanchored form (whose match is at the start too, and whose gsub
-- matches once more, empty, at the end), init past the start, find's positions, and a replacement using %0.
local function q(...)
  local out = {}
  for i = 1, select("#", ...) do out[#out + 1] = "[" .. tostring((select(i, ...))) .. "]" end
  return table.concat(out, " ")
end
local subjects = { "  hello world  ", "hello", "   ", "", "\t\n x \r\n", "x  ", "  x", " a b " }
for _, s in ipairs(subjects) do
  print(q(s:match("^%s*(.-)%s*$")), q(s:gsub("^%s*(.-)%s*$", "%1")), q(s:find("^%s*(.-)%s*$")))
  print(q(s:match("%s*(.-)%s*$")), q(s:gsub("%s*(.-)%s*$", "<%1>")), q(s:find("%s*(.-)%s*$")))
end
print(q(("xxabcxy"):match("^x*(.-)[xy]*$")), q(("--a-b--"):gsub("^%-*(.-)%-*$", "%1")))
print(q(("  pad  "):match("^%s*(.-)%s*$", 3)), q(("  pad  "):find("^%s*(.-)%s*$", 10)), q(("  pad  "):find("^%s*(.-)%s*$", -2)))
print(q(("  pad  "):gsub("^%s*(.-)%s*$", "%0|%1")), q(("aaa"):match("^a*(.-)a*$")), q(("ab"):match("^a*(.-)a*$")))
print(q(("  pad  "):gsub("^%s*(.-)%s*$", function(c) return c:upper() end)))
print(q(("  pad  "):gsub("^%s*(.-)%s*$", { pad = "PAD" })))

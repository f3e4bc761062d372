-- Patterns matched without a RegExp (runtime/lib/string/simple-pattern.ts): one class repeated (`%a+`, `(%d+)`,
-- `[^,]+`, `x+`, `.+`) and literals without special characters, through gsub, gmatch, find and match.
local function list(it)
  local out = {}
  for a, b in it do out[#out + 1] = b == nil and tostring(a) or (tostring(a) .. "=" .. tostring(b)) end
  return "[" .. table.concat(out, "|") .. "]"
end

local subjects = { "", "abc 12 de3,f ,, 456", "  lead and trail  ", "x,,y.z", "[x]%a9" }
local patterns = { "%a+", "(%d+)", "[^,]+", "a+", "%s+", "(.+)", "%.+", ",", ",,", "]", "%%", "ab" }

for _, s in ipairs(subjects) do
  for _, p in ipairs(patterns) do
    local r1, n1 = s:gsub(p, "<%0>")
    local r2, n2 = s:gsub(p, "{%1}")
    local r3, n3 = s:gsub(p, function(c) return #c > 1 and c:upper() or nil end)
    local r4, n4 = s:gsub(p, { a = "A", ["12"] = 12, [","] = false }, 2)
    local f1, f2, f3 = s:find(p)
    print(string.format("%q %q %q %d %q %d %q %d %q %d", s, p, r1, n1, r2, n2, r3, n3, r4, n4), list(s:gmatch(p)),
      f1, f2, f3, s:find(p, 3), s:find(p, -2), s:find(p, 100), s:match(p), s:match(p, 2), s:match(p, -1))
  end
end

-- anchored runs: only at the start position
print(("123abc"):find("^%d+"), ("abc123"):find("^%d+"), ("123abc"):match("^(%d+)"), ("x1"):match("^%d+", 2))
print(("123abc"):gsub("^%d+", "N"), ("abc"):gsub("^%d+", "N"))
-- limits and the count
print(("a b c d"):gsub("%a+", "w", 2), ("a,b,c"):gsub(",", ";", 1), ("a,b,c"):gsub(",", ";", 0))
-- a gmatch iterator used after it is exhausted
local it = ("ab cd"):gmatch("%a+")
print(it(), it(), it(), it())
-- nested gsub inside a function replacement keeps each match
print(("one two"):gsub("%a+", function(w) return (w:gsub("o", "0")) .. "/" .. select(2, w:gsub("%a", "")) end))
-- a `)` is no special character for find's plain search, but the matcher raises on it
print(("a)b"):find("a)"), (pcall(function() return ("a)b"):gsub("a)", "x") end)),
  (pcall(function() return ("a)b"):match("a)") end)), (pcall(function() for _ in ("a)b"):gmatch("a)") do end end)))

-- Searches for patterns with a byte every match contains (a `key=value` scan, a `/(%d+):` field): a subject without
-- that byte finds nothing, a subject with it finds what it did, and errors after that byte are still raised only
-- when the matcher reaches them.
local text = "alpha beta gamma delta epsilon zeta eta theta"
local kv = "alpha=1 beta=2;gamma=3"

local function show(...)
  local out = {}
  for i = 1, select("#", ...) do out[#out + 1] = tostring((select(i, ...))) end
  return table.concat(out, " ")
end

print("find", show(string.find(text, "(%w+)=(%w+)")), show(string.find(kv, "(%w+)=(%w+)")))
print("find from", show(string.find(kv, "(%w+)=(%w+)", 10)), show(string.find(kv, "(%w+)=(%w+)", 21)))
print("match", show(string.match(text, "(%a+)=(%d+)")), show(string.match(kv, "(%a+)=(%d+)", 3)))

local n = 0
for k, v in string.gmatch(text, "(%w+)=(%w+)") do n = n + 1 end
print("gmatch none", n)
local pairs_seen = ""
for k, v in string.gmatch(kv, "(%w+)=(%w+)") do pairs_seen = pairs_seen .. k .. ":" .. v .. "," end
print("gmatch", pairs_seen)
local fields = {}
for d in string.gmatch("a/12:b/7:c/x:d/99", "/(%d+):") do fields[#fields + 1] = d end
print("fields", table.concat(fields, ","))

print("gsub none", string.gsub(text, "(%w+)=(%w+)", "%2=%1"))
print("gsub", string.gsub(kv, "(%w+)=(%w+)", "%2=%1"))
print("gsub tail", string.gsub(kv .. " omega", "(%w+)=(%w+)", function(k, v) return v .. k end))
print("gsub table", string.gsub("x=1 y=2 z", "(%a)=%d", { x = "X", y = false }))
print("gsub limit", string.gsub(kv, "=", "-", 1))

-- errors after the required byte: raised only where the matcher reaches them
print("late error, byte absent", pcall(string.find, "abc", "=["))
print("late error, byte present", pcall(string.find, "a=c", "=["))
print("unfinished capture, byte absent", pcall(string.gsub, "abc", "(=", "x"))
print("unfinished capture, byte present", pcall(string.gsub, "a=c", "(=", "x"))
print("closing nothing first", pcall(string.find, "abc", ")="))
print("back reference first", pcall(string.find, "abc", "%1="))
print("anchored", show(string.find("k=v", "^(%a)=")), show(string.find("kv", "^(%a)=")))
print("gmatch anchor is a char", show(string.gmatch("a^=b ^=c", "%^=(%a)")()))
print("optional is not required", show(string.find("ab", "a=?b")), show(string.find("ab", "a=*b")), show(string.find("ab", "a=-b")))
print("percent escape", show(string.find("50% off", "(%d+)%%")), show(string.find("50 off", "(%d+)%%")))

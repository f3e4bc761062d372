myGlobal = 1
print(_G.myGlobal, _G["myGlobal"])
_G.other = 2
print(other)
local names = {}
for _, n in ipairs({ "print", "pairs", "ipairs", "next", "type", "tostring", "tonumber", "select", "pcall", "error",
  "assert", "rawget", "rawset", "rawequal", "setmetatable", "getmetatable", "unpack", "xpcall" }) do
  names[#names + 1] = n .. "=" .. type(_G[n])
end
print(table.concat(names, " "))
print(type(table), type(math), type(coroutine), type(string.format))
print(_VERSION ~= nil)

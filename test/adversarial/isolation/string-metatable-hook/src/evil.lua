-- Each install would make every other process call `hook` (with its own pid and rights) on its next string method.
local function hook()
  print("HOOKED in " .. process.pid())
end

local function try(what, f)
  print(what, pcall(f))
end

local function main()
  local mt = getmetatable("")
  try("replace __index", function() rawset(mt, "__index", function() hook() end) end)
  try("assign __index", function() mt.__index = function() hook() end end)
  try("add a method", function() mt.__index.upper = hook end)
  try("rawset a method", function() rawset(mt.__index, "lower", hook) end)
  try("delete a method", function() mt.__index.rep = nil end)
  try("add __metatable", function() mt.__metatable = false end)
  try("setmetatable", function() setmetatable(mt, { __index = hook }) end)
  try("setmetatable on __index", function() setmetatable(mt.__index, { __index = hook }) end)
  try("table.insert", function() table.insert(mt.__index, hook) end)
  try("boolean key", function() rawset(mt, true, hook) end)
end

return { main = main }

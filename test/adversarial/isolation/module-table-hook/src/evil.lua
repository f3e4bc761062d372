-- Each install would make every other process call `hook` (with its own pid and rights) through a module it uses.
local function hook()
  print("HOOKED in " .. process.pid())
end

local function try(what, t, key)
  local ok1, e1 = pcall(function() t[key] = hook end)
  local ok2, e2 = pcall(function() rawset(t, key, hook) end)
  local ok3, e3 = pcall(function() setmetatable(t, { __index = hook }) end)
  print(what, ok1 or e1, ok2 or e2, ok3 or e3)
end

local function main()
  try("time", time, "now")
  try("process", process, "send")
  try("process.event", process.event, "EXIT")
  try("process.registry", process.registry, "lookup")
  try("channel", channel, "new")
  try("errors", errors, "new")
  try("ctx", ctx, "get")
  try("security", security, "can")
  try("coroutine", coroutine, "spawn")
  try("string", string, "format")
  try("_G's base", getmetatable(_G).__index, "print")
  try("_G's metatable", getmetatable(_G), "__index")
end

return { main = main }

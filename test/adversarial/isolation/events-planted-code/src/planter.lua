local function main()
  local trap = setmetatable({}, { __index = function() return "planted code ran in " .. tostring(process.pid()) end })
  assert(events.send("config", "changed", "/app", { settings = trap, hook = function() return "hook ran" end }))
  return 0
end

return { main = main }

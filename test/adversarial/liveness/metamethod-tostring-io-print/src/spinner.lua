-- An endless loop inside a __tostring function reached through io.print: it never returns.
local io = require("io")

local function spin()
  local n = 0
  while true do n = n + 1 end
end

local function main()
  local t = setmetatable({}, { __tostring = spin })
  while true do io.print(t) end
end

return { main = main }

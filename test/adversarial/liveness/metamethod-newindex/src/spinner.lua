-- An endless loop inside a __newindex function: it never returns.
local function spin()
  local n = 0
  while true do n = n + 1 end
end

local function main()
  local t = setmetatable({}, { __newindex = spin })
  while true do t.x = 1 end
end

return { main = main }

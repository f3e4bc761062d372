-- An endless loop inside an __index function: it never returns.
local function spin()
  local n = 0
  while true do n = n + 1 end
end

local function main()
  local t = setmetatable({}, { __index = spin })
  while true do local _ = t.anything end
end

return { main = main }

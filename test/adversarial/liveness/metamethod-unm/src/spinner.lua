-- An endless loop inside an __unm function: it never returns.
local function spin()
  local n = 0
  while true do n = n + 1 end
end

local function main()
  local t = setmetatable({}, { __unm = spin })
  while true do local _ = -t end
end

return { main = main }

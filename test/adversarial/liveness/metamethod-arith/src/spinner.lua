-- An endless loop inside an __add function: it never returns.
local function spin()
  local n = 0
  while true do n = n + 1 end
end

local function main()
  local t = setmetatable({}, { __add = spin })
  while true do local _ = 1 + t end
end

return { main = main }

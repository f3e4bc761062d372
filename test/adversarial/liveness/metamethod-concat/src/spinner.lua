-- An endless loop inside a __concat function: it never returns.
local function spin()
  local n = 0
  while true do n = n + 1 end
end

local function main()
  local t = setmetatable({}, { __concat = spin })
  while true do local _ = "x" .. t end
end

return { main = main }

-- An endless loop inside a __len function: it never returns.
local function spin()
  local n = 0
  while true do n = n + 1 end
end

local function main()
  local t = setmetatable({}, { __len = spin })
  while true do local _ = #t end
end

return { main = main }

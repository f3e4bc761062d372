-- An endless loop inside a __tostring function reached through string.format %s: it never returns.
local function spin()
  local n = 0
  while true do n = n + 1 end
end

local function main()
  local t = setmetatable({}, { __tostring = spin })
  while true do local _ = string.format("%d %s", 1, t) end
end

return { main = main }

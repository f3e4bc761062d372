-- An endless loop inside an __eq function: it never returns.
local function spin()
  local n = 0
  while true do n = n + 1 end
end

local function main()
  local mt = { __eq = spin }
  local a, b = setmetatable({}, mt), setmetatable({}, mt)
  while true do if a == b then break end end
end

return { main = main }

-- An endless loop inside the __lt function that a <= comparison falls back to: it never returns.
local function spin()
  local n = 0
  while true do n = n + 1 end
end

local function main()
  local mt = { __lt = spin }
  local a, b = setmetatable({}, mt), setmetatable({}, mt)
  while true do if a <= b then break end end
end

return { main = main }

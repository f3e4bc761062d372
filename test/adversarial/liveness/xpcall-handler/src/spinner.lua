-- An endless loop inside the message handler of xpcall: it never returns.
local function spin()
  local n = 0
  while true do n = n + 1 end
end

local function main()
  while true do xpcall(error, spin) end
end

return { main = main }

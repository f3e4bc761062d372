-- Raises a table whose __tostring never returns.
local function main()
  error(setmetatable({}, { __tostring = function() local n = 0 while true do n = n + 1 end end }))
end

return { main = main }

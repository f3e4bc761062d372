local t = setmetatable({}, { __index = function(_, k) while true do end end })
local M = {}
function M.main()
  return t.anything
end
return M

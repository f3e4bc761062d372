-- Each pass makes a 100 MB string: a hundred passes are far fewer back-edges than one slice's budget, so the whole
-- loop used to run in one slice and fill the heap before the guard ever looked.
local function main()
  local t = {}
  for i = 1, 100 do t[i] = string.upper(string.rep("x", 100000000)) end
end

return { main = main }

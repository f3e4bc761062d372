-- The chunk's top level runs to completion when the process loads it: plain code that cannot give way, so no slice
-- boundary ever comes. It grows a table under a pcall retry loop; only the budget backstop's memory check stops it.
while true do
  pcall(function()
    local t = {}
    for i = 1, 1e9 do t[i] = { i } end
  end)
end

return { main = function() end }

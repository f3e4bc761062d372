-- A chunk's top level runs plain (a chunk runs to completion when it is loaded: nothing in it can yield), and the
-- pcall retry loop must not catch the backstop's error.
while true do
  pcall(function()
    while true do end
  end)
end

return { main = function() end }

-- No while/for/repeat and no call: the only loop is a backward goto.
local function main()
  ::top::
  goto top
end

return { main = main }

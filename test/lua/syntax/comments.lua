-- line comment
--[[ block
comment ]] print("after block comment")
--[==[ level-2 block with ]] inside
]==] print("after level-2 comment")
print("a" --[[ inline ]] .. "b")
---[[ this is a line comment, so the next line runs
print("runs")
--]]
local x = 1 -- trailing
print(x)

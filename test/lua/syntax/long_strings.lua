local s = [[
first line skipped newline]]
print(s)
print([[no newline]])
print([==[contains ]] and [[ inside]==])
print([=[
]=] == "")
local t = [[
a
b
]]
print(#t, t)
print([[\n is not an escape]])

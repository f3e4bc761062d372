-- common idioms: caching globals in locals, and locals that shadow builtins
local type, pairs, ipairs, tostring, select = type, pairs, ipairs, tostring, select
local sformat, tinsert, tconcat, floor = string.format, table.insert, table.concat, math.floor
local out = {}
for i, v in ipairs({ 1.5, "x", true }) do tinsert(out, sformat("%d:%s", i, type(v))) end
print(tconcat(out, " "), floor(2.7), select('#', 1, 2))
local realPrint = print
local lines = {}
local print = function(...) lines[#lines + 1] = select('#', ...) realPrint("wrapped:", ...) end
print("a", "b")
print()
realPrint(#lines, lines[1], lines[2])
local string = { format = function() return "shadowed" end }
realPrint(string.format("%d", 1), ("%d"):format(1))

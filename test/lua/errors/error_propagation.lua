local trace = {}
local function level3() trace[#trace + 1] = "l3" error("from level 3") end
local function level2() trace[#trace + 1] = "l2" level3() trace[#trace + 1] = "not reached" end
local function level1() trace[#trace + 1] = "l1" local ok, e = pcall(level2) trace[#trace + 1] = "caught" return e end
print(level1())
print(table.concat(trace, ","))

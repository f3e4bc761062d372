local function lvl1() error("at level 1", 1) end
local function lvl2() error("at level 2", 2) end
local function lvl0() error("at level 0", 0) end
local function caller2() lvl2() end
print(pcall(lvl1))
print(pcall(function() lvl2() end))
print(pcall(caller2))
print(pcall(lvl0))
local function deep3() error("three up", 3) end
local function mid() deep3() end
local function top() mid() end
print(pcall(top))

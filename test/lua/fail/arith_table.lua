local t = {}
local y = t + 1

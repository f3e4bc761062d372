local function multi() return 1, nil, 3, nil end
print(select('#', pcall(multi)))
print(pcall(multi))
local t = { pcall(multi) }
print(t[1], t[4])
print(pcall(select, '#'))

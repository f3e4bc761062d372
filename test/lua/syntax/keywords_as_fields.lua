local t = {}
t["end"] = 1
t["and"] = 2
t["function"] = 3
print(t["end"], t["and"], t["function"])
local u = { ["while"] = "w", ["nil"] = "n", ["true"] = "t" }
print(u["while"], u["nil"], u["true"])

local a, b = {}, {}
local set = {}
set[a] = 1
set[b] = 2
print(set[a], set[b], a == b)
local alias = a
alias.x = 5
print(a.x)
local function mutate(t) t.changed = true end
mutate(b)
print(b.changed)

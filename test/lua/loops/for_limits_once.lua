local evals = 0
local function lim() evals = evals + 1 return 3 end
for i = 1, lim() do end
print("limit evaluated", evals)
local n = 5
local count = 0
for i = 1, n do n = 1 count = count + 1 end
print("changing n inside:", count)
local step = 1
count = 0
for i = 1, 10, step do step = 5 count = count + 1 end
print("changing step inside:", count)

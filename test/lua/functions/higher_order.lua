local function map(t, f) local r = {} for i, v in ipairs(t) do r[i] = f(v) end return r end
local function filter(t, p) local r = {} for _, v in ipairs(t) do if p(v) then r[#r + 1] = v end end return r end
local function reduce(t, f, acc) for _, v in ipairs(t) do acc = f(acc, v) end return acc end
local nums = {}
for i = 1, 10 do nums[i] = i end
local sq = map(nums, function(x) return x * x end)
local ev = filter(sq, function(x) return x % 2 == 0 end)
print(table.concat(ev, ","))
print(reduce(nums, function(a, b) return a + b end, 0))
print(reduce(map({"a", "b", "c"}, string.upper), function(a, b) return a .. b end, ""))

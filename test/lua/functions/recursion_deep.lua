local function sum(n) if n == 0 then return 0 end return n + sum(n - 1) end
print(sum(5000))
local function depth(n) if n == 0 then return 0 end local d = depth(n - 1) return d + 1 end
print(depth(5000))
local function build(n) if n == 0 then return {} end return { next = build(n - 1) } end
local list, len = build(3000), 0
while list.next do len = len + 1 list = list.next end
print(len)

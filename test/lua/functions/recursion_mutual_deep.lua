local function ping(n) if n == 0 then return 0 end return 1 + ping(n - 1) end
print(ping(4000))
local depth = 0
local function nest(n)
  depth = depth + 1
  if n > 0 then nest(n - 1) end
end
nest(4999)
print(depth)

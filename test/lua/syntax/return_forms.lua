local function none() return end
local function one() return 1 end
local function many() return 1, 2, 3 end
local function implicit() end
print(select('#', none()), select('#', one()), select('#', many()), select('#', implicit()))
local function early(x)
  if x then return "early" end
  return "late"
end
print(early(true), early(false))
local function do_return()
  do return "from do" end
end
print(do_return())

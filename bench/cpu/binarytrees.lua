-- binarytrees: the benchmarks-game allocation kernel (build and walk many short-lived binary trees);
-- stresses small-table allocation and garbage collection.
local function bottomUp(depth)
  if depth == 0 then return {} end
  depth = depth - 1
  return { bottomUp(depth), bottomUp(depth) }
end

local function check(tree)
  if tree[1] then
    return 1 + check(tree[1]) + check(tree[2])
  end
  return 1
end

local MIN_DEPTH = 4
local MAX_DEPTH = 15
local stretch = MAX_DEPTH + 1
print(string.format("stretch tree of depth %d check: %d", stretch, check(bottomUp(stretch))))

local longLived = bottomUp(MAX_DEPTH)
for depth = MIN_DEPTH, MAX_DEPTH, 2 do
  local iterations = 1
  for _ = 1, MAX_DEPTH - depth + MIN_DEPTH do iterations = iterations * 2 end
  local sum = 0
  for _ = 1, iterations do sum = sum + check(bottomUp(depth)) end
  print(string.format("%d trees of depth %d check: %d", iterations, depth, sum))
end
print(string.format("long lived tree of depth %d check: %d", MAX_DEPTH, check(longLived)))

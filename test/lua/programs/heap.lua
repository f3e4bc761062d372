local Heap = {}
Heap.__index = Heap
function Heap.new(cmp) return setmetatable({ items = {}, cmp = cmp or function(a, b) return a < b end }, Heap) end
function Heap:push(v)
  local it = self.items
  it[#it + 1] = v
  local i = #it
  while i > 1 do
    local p = math.floor(i / 2)
    if self.cmp(it[i], it[p]) then it[i], it[p] = it[p], it[i] i = p else break end
  end
end
function Heap:pop()
  local it = self.items
  local n = #it
  if n == 0 then return nil end
  local top = it[1]
  it[1] = it[n]
  it[n] = nil
  n = n - 1
  local i = 1
  while true do
    local l, r, m = 2 * i, 2 * i + 1, i
    if l <= n and self.cmp(it[l], it[m]) then m = l end
    if r <= n and self.cmp(it[r], it[m]) then m = r end
    if m == i then break end
    it[i], it[m] = it[m], it[i]
    i = m
  end
  return top
end
local h = Heap.new()
for _, v in ipairs({ 5, 3, 9, 1, 7, 2, 8, 6, 4, 0 }) do h:push(v) end
local out = {}
while true do local v = h:pop() if v == nil then break end out[#out + 1] = v end
print(table.concat(out, " "))
local mh = Heap.new(function(a, b) return a > b end)
for i = 1, 1000 do mh:push((i * 37) % 1001) end
print(mh:pop(), mh:pop(), mh:pop())

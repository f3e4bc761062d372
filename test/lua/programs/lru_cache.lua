local LRU = {}
LRU.__index = LRU
function LRU.new(cap) return setmetatable({ cap = cap, map = {}, order = {} }, LRU) end
function LRU:touch(k)
  for i, key in ipairs(self.order) do if key == k then table.remove(self.order, i) break end end
  table.insert(self.order, k)
end
function LRU:get(k)
  local v = self.map[k]
  if v ~= nil then self:touch(k) end
  return v
end
function LRU:set(k, v)
  if self.map[k] == nil and #self.order >= self.cap then
    local old = table.remove(self.order, 1)
    self.map[old] = nil
  end
  self.map[k] = v
  self:touch(k)
end
local c = LRU.new(3)
c:set("a", 1) c:set("b", 2) c:set("c", 3)
print(c:get("a"))
c:set("d", 4)
print(c:get("b"), c:get("c"), c:get("d"), c:get("a"))
print(table.concat(c.order, ","))

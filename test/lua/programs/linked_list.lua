local List = {}
List.__index = List
function List.new() return setmetatable({ head = nil, size = 0 }, List) end
function List:push(v) self.head = { value = v, next = self.head } self.size = self.size + 1 return self end
function List:pop()
  local h = self.head
  if not h then return nil end
  self.head = h.next
  self.size = self.size - 1
  return h.value
end
function List:reverse()
  local prev, cur = nil, self.head
  while cur do cur.next, prev, cur = prev, cur, cur.next end
  self.head = prev
  return self
end
function List:iter()
  local node = self.head
  return function()
    if node then local v = node.value node = node.next return v end
  end
end
local l = List.new():push(1):push(2):push(3):push(4)
local out = {}
for v in l:iter() do out[#out + 1] = v end
print(l.size, table.concat(out, " "))
l:reverse()
out = {}
for v in l:iter() do out[#out + 1] = v end
print(table.concat(out, " "), l:pop(), l:pop(), l.size)

local Stack = {}
Stack.__index = Stack
function Stack.new() return setmetatable({ n = 0 }, Stack) end
function Stack:push(...) for i = 1, select('#', ...) do self.n = self.n + 1 self[self.n] = (select(i, ...)) end end
function Stack:pop() local v = self[self.n] self[self.n] = nil self.n = self.n - 1 return v end
local s = Stack.new()
s:push(1, 2, 3)
print(s:pop(), s:pop(), s.n)
local Queue = {}
Queue.__index = Queue
function Queue.new() return setmetatable({ first = 1, last = 0, items = {} }, Queue) end
function Queue:put(v) self.last = self.last + 1 self.items[self.last] = v end
function Queue:get()
  if self.first > self.last then return nil end
  local v = self.items[self.first]
  self.items[self.first] = nil
  self.first = self.first + 1
  return v
end
local q = Queue.new()
for i = 1, 5 do q:put(i * 11) end
print(q:get(), q:get(), q:get(), q:get(), q:get(), q:get())

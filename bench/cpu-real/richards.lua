-- richards: Martin Richards' operating-system simulation (a scheduler, task control blocks, packets and four
-- kinds of task), written the way class-based Lua is usually written: a base class, classes inheriting through
-- setmetatable(C, { __index = Parent }) three levels deep, constructors that call o:init(...), and methods found
-- through the chain. Lua 5.1 has no bit operators, so the idle task's shift register uses arithmetic.
local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, { __index = parent }) end
  c.new = function(...)
    local o = setmetatable({}, c)
    o:init(...)
    return o
  end
  return c
end

local function bxor(a, b)
  local r, bit = 0, 1
  while a > 0 or b > 0 do
    local x, y = a % 2, b % 2
    if x ~= y then r = r + bit end
    a, b, bit = (a - x) / 2, (b - y) / 2, bit * 2
  end
  return r
end

local ID_IDLE, ID_WORKER, ID_HANDLER_A, ID_HANDLER_B, ID_DEVICE_A, ID_DEVICE_B = 1, 2, 3, 4, 5, 6
local KIND_DEVICE, KIND_WORK = 0, 1
local DATA_SIZE = 4

local Object = class()
function Object:init() end
function Object:describe() return 'object' end

local Packet = class(Object)
function Packet:init(link, id, kind)
  Object.init(self)
  self.link, self.id, self.kind = link, id, kind
  self.a1 = 0
  self.a2 = {}
  for i = 1, DATA_SIZE do self.a2[i] = 0 end
end
function Packet:addTo(queue)
  self.link = nil
  if queue == nil then return self end
  local peek, nxt = queue, queue.link
  while nxt ~= nil do
    peek = nxt
    nxt = peek.link
  end
  peek.link = self
  return queue
end

local Tcb = class(Object)
function Tcb:init(link, id, priority, queue, task)
  Object.init(self)
  self.link, self.id, self.priority, self.queue, self.task = link, id, priority, queue, task
  self.packetPending = queue ~= nil
  self.taskWaiting = true
  self.taskHolding = false
end
function Tcb:setRunning()
  self.packetPending, self.taskWaiting, self.taskHolding = false, false, false
end
function Tcb:markAsNotHeld() self.taskHolding = false end
function Tcb:markAsHeld() self.taskHolding = true end
function Tcb:markAsSuspended() self.taskWaiting = true end
function Tcb:markAsRunnable() self.packetPending = true end
function Tcb:isHeldOrSuspended()
  return self.taskHolding or (not self.packetPending and self.taskWaiting)
end
function Tcb:run()
  local packet
  if self.packetPending and self.taskWaiting and not self.taskHolding then
    packet = self.queue
    self.queue = packet.link
    if self.queue == nil then
      self:setRunning()
    else
      self.packetPending, self.taskWaiting, self.taskHolding = true, false, false
    end
  end
  return self.task:run(packet)
end
function Tcb:checkPriorityAdd(task, packet)
  if self.queue == nil then
    self.queue = packet
    self:markAsRunnable()
    if self.priority > task.priority then return self end
  else
    self.queue = packet:addTo(self.queue)
  end
  return task
end

local Scheduler = class(Object)
function Scheduler:init()
  Object.init(self)
  self.queueCount, self.holdCount = 0, 0
  self.blocks = {}
  self.list = nil
  self.currentTcb, self.currentId = nil, nil
end
function Scheduler:addTask(id, priority, queue, task)
  self.currentTcb = Tcb.new(self.list, id, priority, queue, task)
  self.list = self.currentTcb
  self.blocks[id] = self.currentTcb
end
function Scheduler:addRunningTask(id, priority, queue, task)
  self:addTask(id, priority, queue, task)
  self.currentTcb:setRunning()
end
function Scheduler:schedule()
  self.currentTcb = self.list
  while self.currentTcb ~= nil do
    if self.currentTcb:isHeldOrSuspended() then
      self.currentTcb = self.currentTcb.link
    else
      self.currentId = self.currentTcb.id
      self.currentTcb = self.currentTcb:run()
    end
  end
end
function Scheduler:release(id)
  local tcb = self.blocks[id]
  if tcb == nil then return tcb end
  tcb:markAsNotHeld()
  if tcb.priority > self.currentTcb.priority then return tcb end
  return self.currentTcb
end
function Scheduler:holdCurrent()
  self.holdCount = self.holdCount + 1
  self.currentTcb:markAsHeld()
  return self.currentTcb.link
end
function Scheduler:suspendCurrent()
  self.currentTcb:markAsSuspended()
  return self.currentTcb
end
function Scheduler:queue(packet)
  local t = self.blocks[packet.id]
  if t == nil then return t end
  self.queueCount = self.queueCount + 1
  packet.link = nil
  packet.id = self.currentId
  return t:checkPriorityAdd(self.currentTcb, packet)
end

-- Task is the second level; the four kinds of task are the third.
local Task = class(Object)
function Task:init(scheduler)
  Object.init(self)
  self.scheduler = scheduler
end
function Task:describe() return 'task' end
function Task:release(id) return self.scheduler:release(id) end
function Task:hold() return self.scheduler:holdCurrent() end
function Task:suspend() return self.scheduler:suspendCurrent() end
function Task:send(packet) return self.scheduler:queue(packet) end

local IdleTask = class(Task)
function IdleTask:init(scheduler, v1, count)
  Task.init(self, scheduler)
  self.v1, self.count = v1, count
end
function IdleTask:run(packet)
  self.count = self.count - 1
  if self.count == 0 then return self:hold() end
  if self.v1 % 2 == 0 then
    self.v1 = self.v1 / 2
    return self:release(ID_DEVICE_A)
  end
  self.v1 = bxor((self.v1 - 1) / 2, 53256)
  return self:release(ID_DEVICE_B)
end

local DeviceTask = class(Task)
function DeviceTask:init(scheduler)
  Task.init(self, scheduler)
  self.v1 = nil
end
function DeviceTask:run(packet)
  if packet == nil then
    if self.v1 == nil then return self:suspend() end
    local v = self.v1
    self.v1 = nil
    return self:send(v)
  end
  self.v1 = packet
  return self:hold()
end

local WorkerTask = class(Task)
function WorkerTask:init(scheduler, v1, v2)
  Task.init(self, scheduler)
  self.v1, self.v2 = v1, v2
end
function WorkerTask:run(packet)
  if packet == nil then return self:suspend() end
  if self.v1 == ID_HANDLER_A then self.v1 = ID_HANDLER_B else self.v1 = ID_HANDLER_A end
  packet.id = self.v1
  packet.a1 = 0
  for i = 1, DATA_SIZE do
    self.v2 = self.v2 + 1
    if self.v2 > 26 then self.v2 = 1 end
    packet.a2[i] = self.v2
  end
  return self:send(packet)
end

local HandlerTask = class(Task)
function HandlerTask:init(scheduler)
  Task.init(self, scheduler)
  self.v1, self.v2 = nil, nil
end
function HandlerTask:run(packet)
  if packet ~= nil then
    if packet.kind == KIND_WORK then self.v1 = packet:addTo(self.v1) else self.v2 = packet:addTo(self.v2) end
  end
  if self.v1 ~= nil then
    local count = self.v1.a1
    if count < DATA_SIZE then
      if self.v2 ~= nil then
        local v = self.v2
        self.v2 = self.v2.link
        v.a1 = self.v1.a2[count + 1]
        self.v1.a1 = count + 1
        return self:send(v)
      end
    else
      local v = self.v1
      self.v1 = self.v1.link
      return self:send(v)
    end
  end
  return self:suspend()
end

local function richards(count)
  local s = Scheduler.new()
  s:addRunningTask(ID_IDLE, 0, nil, IdleTask.new(s, 1, count))
  local queue = Packet.new(nil, ID_WORKER, KIND_WORK)
  queue = Packet.new(queue, ID_WORKER, KIND_WORK)
  s:addTask(ID_WORKER, 1000, queue, WorkerTask.new(s, ID_HANDLER_A, 0))
  queue = Packet.new(nil, ID_DEVICE_A, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_A, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_A, KIND_DEVICE)
  s:addTask(ID_HANDLER_A, 2000, queue, HandlerTask.new(s))
  queue = Packet.new(nil, ID_DEVICE_B, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_B, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_B, KIND_DEVICE)
  s:addTask(ID_HANDLER_B, 3000, queue, HandlerTask.new(s))
  s:addTask(ID_DEVICE_A, 4000, nil, DeviceTask.new(s))
  s:addTask(ID_DEVICE_B, 5000, nil, DeviceTask.new(s))
  s:schedule()
  return s.queueCount, s.holdCount
end

local q, h = richards(1000)
if q ~= 2322 or h ~= 928 then error(string.format('richards(1000): queue %d hold %d', q, h)) end
local total_q, total_h = 0, 0
for i = 1, 80 do
  q, h = richards(1000 + i * 50)
  total_q, total_h = total_q + q, total_h + h
end
print(string.format('richards: queue count %d, hold count %d', total_q, total_h))

-- events: an event emitter of the kind application code is built on: handler lists per event name, varargs
-- forwarded through `...` with select('#', ...) and unpack (nil arguments kept), once-handlers, handlers removed
-- while an event is being delivered, wildcard listeners and a middleware chain that packs and unpacks arguments.
local unpack = unpack or table.unpack

local function pack(...)
  return { n = select('#', ...), ... }
end

local Emitter = {}
Emitter.__index = Emitter

function Emitter.new()
  return setmetatable({ handlers = {}, wildcard = {}, middleware = {} }, Emitter)
end

function Emitter:on(name, fn)
  local list = self.handlers[name]
  if not list then
    list = {}
    self.handlers[name] = list
  end
  list[#list + 1] = { fn = fn }
  return fn
end

function Emitter:once(name, fn)
  local list = self.handlers[name] or {}
  self.handlers[name] = list
  list[#list + 1] = { fn = fn, once = true }
end

function Emitter:off(name, fn)
  local list = self.handlers[name]
  if not list then return false end
  for i = #list, 1, -1 do
    if list[i].fn == fn then
      list[i].removed = true
      table.remove(list, i)
      return true
    end
  end
  return false
end

function Emitter:any(fn)
  self.wildcard[#self.wildcard + 1] = fn
end

function Emitter:use(fn)
  self.middleware[#self.middleware + 1] = fn
end

local function deliver(self, name, ...)
  local list = self.handlers[name]
  local count = 0
  if list then
    -- A snapshot: handlers added or removed by a handler take effect from the next emit.
    local snapshot = { unpack(list) }
    for i = 1, #snapshot do
      local h = snapshot[i]
      if not h.removed then
        if h.once then self:off(name, h.fn) end
        h.fn(...)
        count = count + 1
      end
    end
  end
  for i = 1, #self.wildcard do
    self.wildcard[i](name, ...)
  end
  return count
end

function Emitter:emit(name, ...)
  if #self.middleware == 0 then
    return deliver(self, name, ...)
  end
  local args = pack(...)
  local index = 0
  local result
  local function nxt(...)
    index = index + 1
    local mw = self.middleware[index]
    if mw then
      return mw(name, nxt, ...)
    end
    result = deliver(self, name, ...)
    return result
  end
  nxt(unpack(args, 1, args.n))
  return result or 0
end

-- Application code on top of it.
local stats = { calls = 0, args = 0, nils = 0, sum = 0, bytes = 0 }

local function count_args(...)
  local n = select('#', ...)
  stats.calls = stats.calls + 1
  stats.args = stats.args + n
  for i = 1, n do
    local v = select(i, ...)
    if v == nil then stats.nils = stats.nils + 1
    elseif type(v) == 'number' then stats.sum = (stats.sum + v) % 1000000007
    elseif type(v) == 'string' then stats.bytes = stats.bytes + #v
    end
  end
end

local function sum_handler(a, b, c)
  stats.sum = (stats.sum + (a or 0) + (b or 0) * 2 + (c or 0) * 3) % 1000000007
end

local function logger(name, ...)
  local parts = { name }
  local args = pack(...)
  for i = 1, args.n do parts[#parts + 1] = tostring(args[i]) end
  stats.bytes = stats.bytes + #table.concat(parts, ' ')
end

local function tracing(name, nxt, ...)
  stats.calls = stats.calls + 1
  return nxt(...)
end

local function add_request_id(name, nxt, ...)
  if name == 'request' then
    return nxt(stats.calls % 97, ...)
  end
  return nxt(...)
end

local function curry(fn, ...)
  local bound = pack(...)
  return function(...)
    local all = { unpack(bound, 1, bound.n) }
    local extra = pack(...)
    for i = 1, extra.n do all[bound.n + i] = extra[i] end
    return fn(unpack(all, 1, bound.n + extra.n))
  end
end

local bus = Emitter.new()
local plain = Emitter.new()
bus:use(tracing)
bus:use(add_request_id)
bus:any(logger)
for _ = 1, 3 do
  bus:on('data', count_args)
  plain:on('data', count_args)
  plain:on('tick', sum_handler)
end
bus:on('request', count_args)
bus:on('request', curry(count_args, 5, nil))
plain:on('tick', curry(count_args, 'bound', nil))

local delivered = 0
for i = 1, 180000 do
  delivered = delivered + plain:emit('data', i, nil, 'x', i % 7)
  delivered = delivered + plain:emit('tick', i, i % 3)
  if i % 4 == 0 then
    delivered = delivered + bus:emit('request', 'GET', '/orders/' .. i % 50, nil)
  end
  if i % 10 == 0 then
    delivered = delivered + bus:emit('data', i, nil, nil)
  end
  if i % 25 == 0 then
    local fired = 0
    bus:once('done', function(...) fired = fired + select('#', ...) end)
    bus:emit('done', 1, 2, 3)
    bus:emit('done', 4)
    delivered = delivered + fired
  end
  if i % 1000 == 0 then
    -- A handler that removes itself and another one while the event is delivered.
    local h2
    local function h1() plain:off('data', h1); plain:off('data', h2) end
    function h2() stats.nils = stats.nils + 1000 end
    plain:on('data', h1)
    plain:on('data', h2)
    delivered = delivered + plain:emit('data', nil)
  end
end
print(string.format('events: delivered %d, calls %d, args %d, nils %d, sum %d, bytes %d',
  delivered, stats.calls, stats.args, stats.nils, stats.sum, stats.bytes))

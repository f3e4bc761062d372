-- The walk of every table a process can reach (issue #10, isolation): its globals, its modules, and the metatables
-- of a sample of every kind of value, recursively through keys, values, metatables and __index chains. Each table
-- is probed with every kind of write; one line per table is printed:
--   R <id> <path>          read-only: every write raised "<chunk>:<line>: attempt to modify a read-only table"
--                          and changed nothing
--   W <id> <path>          every write went through (fine only if no other process reaches the same table)
--   X <path>: <what>       neither: a write went through on a table that refused others, or a wrong error
-- The test runs this in two processes and fails on X lines and on a W id printed by both (a shared writable table).
-- Wippy hands these metatables out too: go-lua's getmetatable (wippyai/go-lua baselib.go baseGetMetatable,
-- L.GetMetatable) returns a userdata's or a string's metatable as it is; what keeps them safe there is the Immutable
-- flag of shared tables (setField/RawSet/SetMetatable raise), here the read-only tables of runtime/core/read-only.ts.
-- CHUNK (the chunk name as a Lua pattern) is prepended by the test. Everything the walk needs is a local taken
-- before any probe, so probing _G (per process) cannot break it.
local pairs, next, type, tostring, pcall, print = pairs, next, type, tostring, pcall, print
local rawset, rawget, rawequal, setmetatable, getmetatable = rawset, rawget, rawequal, setmetatable, getmetatable
local tinsert, tremove, tsort, concat, find = table.insert, table.remove, table.sort, table.concat, string.find

type Point = { x: number }

local samples = {}
local function sample(name, v)
  samples[#samples + 1] = { name, v }
end

local function main()
  sample('_G', _G)
  for _, m in pairs({ 'time', 'ctx', 'security', 'io', 'funcs', 'registry', 'events', 'env', 'store', 'json', 'yaml', 'base64', 'hash', 'crypto', 'uuid' }) do
    sample(m, require(m))
  end
  -- values of every kind a process can hold
  sample('string', '')
  sample('number', 1)
  sample('boolean', true)
  sample('function', print)
  sample('type value', Point)
  sample('thread', coroutine.create(function() end))
  local ch = channel.new(1)
  sample('channel', ch)
  sample('case_send', ch:case_send(1))
  sample('case_receive', ch:case_receive())
  ch:send(1)
  sample('select result', channel.select({ ch:case_receive() }))
  sample('spawner', process.with_options({}))
  sample('spawner with context', process.with_context({ a = 1 }))
  sample('error', errors.new('x'))
  sample('wrapped error', errors.wrap(errors.new('x'), 'y'))
  local _, raised = pcall(error, 'boom')
  sample('raised error', raised)
  sample('time', time.now())
  sample('duration', time.parse_duration('1s'))
  sample('location', time.utc)
  sample('fixed zone', time.fixed_zone('X', 3600))
  local timer = time.timer('1h')
  sample('timer', timer)
  sample('timer channel', timer:channel())
  timer:stop()
  local ticker = time.ticker('1h')
  sample('ticker', ticker)
  ticker:stop()
  sample('after channel', time.after('1h'))
  sample('pid', process.pid())
  process.send(process.pid(), 'probe', { 1, 2 })
  local msg = process.inbox():receive()
  sample('message', msg)
  sample('payload', msg:payload())
  sample('inbox', process.inbox())
  sample('events', process.events())
  sample('listen', process.listen('probe.topic'))
  sample('options', process.get_options())
  process.spawn_monitored('app:child', 'app:processes')
  sample('event', process.events():receive())
  sample('actor', security.actor())
  sample('scope', security.scope())
  sample('new actor', security.new_actor('probe', { a = 1 }))
  sample('new scope', security.new_scope())
  -- tables made from values that are themselves shared (error values cross processes by reference; an actor's
  -- attributes are the parent's): made afresh for each call
  sample('actor meta', security.new_actor('probe', { a = { b = 1 } }):meta())
  sample('error details', errors.new({ message = 'x', details = { a = { b = 1 } } }):details())
  sample('ctx all', ctx.all())
  sample('executor', funcs.new():with_context({ a = { b = 1 } }))
  local future = funcs.async('app:fn')
  sample('future', future)
  sample('future payload', future:response():receive())
  sample('os.date table', os.date('*t'))
  sample('subscription', events.subscribe('probe'))
  local kv = store.get('app:kv')
  sample('store', kv)
  sample('store entry', kv:put('k', { a = { b = 1 } }))
  local tokens = assert(security.token_store('app:tokens'))
  sample('token store', tokens)
  local token = assert(tokens:create(security.new_actor('probe', { a = { b = 1 } }), security.new_scope(), { meta = { a = { b = 1 } } }))
  sample('token record', kv:get(token))
  sample('token actor', (tokens:validate(token)))
  local snap = registry.snapshot()
  sample('snapshot', snap)
  sample('changes', snap:changes())
  sample('version', snap:version())
  sample('history', registry.history())
  sample('registry entry', registry.get('app:kv'))
  sample('env all', env.get_all())
  sample('new payload', payload.new({ a = { b = 1 } }))
  sample('json decoded', json.decode('{"a":{"b":[1]}}'))
  sample('yaml decoded', yaml.decode('a: {b: [1]}'))
  sample('uuid info', uuid.parse(uuid.v1()))
  sample('jwt claims', crypto.jwt.verify(crypto.jwt.encode({ a = { b = 1 }, exp = 4102444800 }, 'k'), 'k'))
end

-- collect: every table reachable from the samples
local tables, paths, seen = {}, {}, {}
local visit
local function visitTable(t, path)
  if seen[t] then return end
  seen[t] = true
  tables[#tables + 1] = t
  paths[#paths + 1] = path
  local k, v = next(t)
  while k ~= nil do
    visit(k, path .. '[key]')
    visit(v, path .. '.' .. tostring(k))
    k, v = next(t, k)
  end
end
visit = function(v, path)
  if type(v) == 'table' then visitTable(v, path) end
  local mt = getmetatable(v)
  if mt ~= nil then
    -- every string has the same metatable: name it once, not after the first string key met
    local mpath = type(v) == 'string' and 'getmetatable("")' or 'getmetatable(' .. path .. ')'
    visit(mt, mpath)
    if type(mt) == 'table' then visit(rawget(mt, '__index'), mpath .. '.__index') end
  end
end

local function readOnlyError(ok, err)
  if ok then return false end
  return type(err) == "string" and (err == "attempt to modify a read-only table"
    or find(err, "^" .. CHUNK .. ":%d+: attempt to modify a read%-only table$") ~= nil)
end

-- every kind of write; each returns (pcall's ok, err)
local probeKey = {}
local function writes(t)
  local firstKey = next(t)
  local n = #t
  local list = {
    { 'field', function() t.__probe = 1 end },
    { 'rawset string', function() rawset(t, '__probe', 1) end },
    { 'rawset append', function() rawset(t, n + 1, 1) end },
    { 'rawset far index', function() rawset(t, n + 100, 1) end },
    { 'rawset boolean', function() rawset(t, true, 1) end },
    { 'rawset table key', function() rawset(t, probeKey, 1) end },
    { 'setmetatable', function() setmetatable(t, nil) end },
    { 'table.insert', function() tinsert(t, 1) end },
  }
  if firstKey ~= nil then
    list[#list + 1] = { 'overwrite', function() t[firstKey] = t[firstKey] end }
    list[#list + 1] = { 'delete', function() rawset(t, firstKey, nil) end }
  end
  if n > 0 then
    list[#list + 1] = { 'table.remove', function() tremove(t) end }
    list[#list + 1] = { 'table.sort', function() tsort(t, function() return false end) end }
  end
  return list
end

local function snapshot(t)
  local s, k, v = { mt = getmetatable(t), n = #t, keys = {} }, next(t)
  while k ~= nil do
    s.keys[k] = v
    k, v = next(t, k)
  end
  return s
end

local function unchanged(t, s)
  if not rawequal(getmetatable(t), s.mt) or #t ~= s.n then return false end
  local count, k, v = 0, next(t)
  while k ~= nil do
    if not rawequal(s.keys[k], v) then return false end
    count = count + 1
    k, v = next(t, k)
  end
  for _ in pairs(s.keys) do count = count - 1 end
  return count == 0
end

local function probe(t, path)
  local before = snapshot(t)
  local refused, passed, wrong = {}, {}, {}
  for _, w in pairs(writes(t)) do
    local ok, err = pcall(w[2])
    if readOnlyError(ok, err) then refused[#refused + 1] = w[1]
    elseif ok then passed[#passed + 1] = w[1]
    else wrong[#wrong + 1] = w[1] .. ' (' .. tostring(err) .. ')' end
  end
  if #wrong > 0 then return 'X ' .. path .. ': ' .. concat(wrong, ', ') end
  if #passed == 0 then
    if unchanged(t, before) then return 'R ' .. tostring(t) .. ' ' .. path end
    return 'X ' .. path .. ': every write refused but the table changed'
  end
  if #refused == 0 then return 'W ' .. tostring(t) .. ' ' .. path end
  return 'X ' .. path .. ': refused ' .. concat(refused, ',') .. ' but not ' .. concat(passed, ',')
end

return {
  main = function()
    main()
    for i = 1, #samples do
      visit(samples[i][2], samples[i][1])
    end
    local out = {}
    for i = 1, #tables do
      out[#out + 1] = probe(tables[i], paths[i])
    end
    print(concat(out, '\n'))
  end,
}

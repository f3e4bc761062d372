-- statemachine: a line protocol read by a tokenizer (string.find with anchored patterns) that feeds a parser
-- written as a transition table keyed by state and token kind, whose complete commands drive a second machine,
-- an order lifecycle keyed by state and event names, with handlers looked up by "from>to" strings.
local token_patterns = {
  { '^[%a_][%w_%-]*', 'word' },
  { '^%d+', 'number' },
  { '^"[^"\n]*"', 'string' },
  { '^[ \t]+', 'space' },
  { '^\r?\n', 'newline' },
}

local function tokenize(text, emit)
  local pos, len = 1, #text
  while pos <= len do
    local matched = false
    for i = 1, #token_patterns do
      local p = token_patterns[i]
      local s, e = string.find(text, p[1], pos)
      if s then
        emit(p[2], string.sub(text, s, e))
        pos = e + 1
        matched = true
        break
      end
    end
    if not matched then
      local c = string.sub(text, pos, pos)
      emit(c, c)
      pos = pos + 1
    end
  end
end

local parser_transitions = {
  start = { word = 'command', newline = 'start', space = 'start' },
  command = { space = 'command_space' },
  command_space = { number = 'id', space = 'command_space' },
  id = { space = 'id_space' },
  id_space = { word = 'event', space = 'id_space' },
  event = { space = 'args', newline = 'start' },
  args = { word = 'key', space = 'args', newline = 'start' },
  key = { ['='] = 'equals' },
  equals = { number = 'value', string = 'value', word = 'value' },
  value = { space = 'args', newline = 'start' },
  skip = { newline = 'start' },
}

local lifecycle = {
  new = { PAY = 'paid', CANCEL = 'cancelled', UPDATE = 'new', HOLD = 'on_hold' },
  on_hold = { RELEASE = 'new', CANCEL = 'cancelled' },
  paid = { PACK = 'packed', CANCEL = 'refunding', UPDATE = 'paid' },
  packed = { SHIP = 'shipped', CANCEL = 'refunding' },
  shipped = { DELIVER = 'delivered', LOSE = 'lost' },
  lost = { REFUND = 'refunded', FIND = 'shipped' },
  delivered = { RETURN = 'returned' },
  returned = { REFUND = 'refunded' },
  refunding = { REFUND = 'refunded' },
  cancelled = {},
  refunded = {},
}

local stats = { commands = 0, rejected = 0, errors = 0, amount = 0, by_state = {}, by_transition = {} }
local orders = {}

local transition_handlers = {
  ['new>paid'] = function(order, args) order.paid = tonumber(args.amount) or 0; stats.amount = stats.amount + order.paid end,
  ['paid>refunding'] = function(order) order.refund_due = order.paid end,
  ['packed>refunding'] = function(order) order.refund_due = order.paid end,
  ['refunding>refunded'] = function(order) stats.amount = stats.amount - (order.refund_due or 0) end,
  ['returned>refunded'] = function(order) stats.amount = stats.amount - math.floor(order.paid * 9 / 10) end,
  ['packed>shipped'] = function(order, args) order.carrier = args.carrier end,
  ['new>new'] = function(order, args) for k, v in pairs(args) do order[k] = v end end,
}

local function apply(cmd)
  stats.commands = stats.commands + 1
  if cmd.name ~= 'ORDER' then stats.errors = stats.errors + 1 return end
  local order = orders[cmd.id]
  if cmd.event == 'CREATE' then
    if order then stats.rejected = stats.rejected + 1 return end
    orders[cmd.id] = { state = 'new', customer = cmd.args.customer }
    return
  end
  if not order then stats.rejected = stats.rejected + 1 return end
  local nxt = lifecycle[order.state][cmd.event]
  if not nxt then stats.rejected = stats.rejected + 1 return end
  local key = order.state .. '>' .. nxt
  stats.by_transition[key] = (stats.by_transition[key] or 0) + 1
  local handler = transition_handlers[key]
  if handler then handler(order, cmd.args) end
  order.state = nxt
end

local function parse(text)
  local state = 'start'
  local cmd, key
  tokenize(text, function(kind, lexeme)
    local nxt = parser_transitions[state][kind]
    if not nxt then
      -- A syntax error: skip to the end of the line.
      if kind == 'newline' then
        stats.errors = stats.errors + 1
        state, cmd = 'start', nil
      else
        state, cmd = 'skip', nil
      end
      return
    end
    if nxt == 'command' then cmd = { name = lexeme, args = {} }
    elseif nxt == 'id' then cmd.id = tonumber(lexeme)
    elseif nxt == 'event' then cmd.event = lexeme
    elseif nxt == 'key' then key = lexeme
    elseif nxt == 'value' then
      if kind == 'string' then lexeme = string.sub(lexeme, 2, -2) end
      cmd.args[key] = lexeme
    elseif nxt == 'start' and cmd then
      apply(cmd)
      cmd = nil
    end
    state = nxt
  end)
end

local seed = 12345
local function rand(n)
  seed = (seed * 16807) % 2147483647
  return seed % n
end
local events = { 'PAY', 'PACK', 'SHIP', 'DELIVER', 'CANCEL', 'UPDATE', 'HOLD', 'RELEASE', 'LOSE', 'FIND',
  'REFUND', 'RETURN', 'PAY', 'PACK', 'SHIP', 'DELIVER' }
local customers = { 'ada', 'alan', 'grace', 'edsger', 'barbara', 'ken' }
local carriers = { 'dhl', 'ups', 'post' }

local next_id = 1
for batch = 1, 400 do
  local lines = {}
  for _ = 1, 400 do
    local r = rand(100)
    if r < 20 then
      lines[#lines + 1] = string.format('ORDER %d CREATE customer="%s" total=%d', next_id,
        customers[rand(#customers) + 1], rand(50000))
      next_id = next_id + 1
    elseif r < 97 then
      local id = next_id - 1 - rand(40)
      local ev = events[rand(#events) + 1]
      if ev == 'PAY' then
        lines[#lines + 1] = string.format('ORDER %d PAY amount=%d', id, rand(50000) + 1)
      elseif ev == 'SHIP' then
        lines[#lines + 1] = 'ORDER ' .. id .. ' SHIP carrier=' .. carriers[rand(3) + 1] .. ' weight=' .. rand(90)
      elseif ev == 'UPDATE' then
        lines[#lines + 1] = 'ORDER ' .. id .. ' UPDATE note="call first" priority=' .. rand(5)
      else
        lines[#lines + 1] = 'ORDER ' .. id .. ' ' .. ev
      end
    elseif r < 99 then
      lines[#lines + 1] = 'PING ' .. rand(1000) .. ' NOW'
    else
      lines[#lines + 1] = 'ORDER = broken ' .. rand(9)
    end
  end
  parse(table.concat(lines, '\n') .. '\n')
end

local counts = {}
for _, order in pairs(orders) do counts[order.state] = (counts[order.state] or 0) + 1 end
local names = {}
for name in pairs(counts) do names[#names + 1] = name end
table.sort(names)
local parts = {}
for _, name in ipairs(names) do parts[#parts + 1] = name .. '=' .. counts[name] end
local transitions = 0
for _, n in pairs(stats.by_transition) do transitions = transitions + n end
print(string.format('statemachine: %d commands, %d rejected, %d errors, %d transitions, amount %d',
  stats.commands, stats.rejected, stats.errors, transitions, stats.amount))
print('states: ' .. table.concat(parts, ' '))

-- template: a small template renderer of the kind web handlers use: {{ var }} and {{ var | filter | filter }}
-- substitution through gsub callbacks, {% for x in list %} and {% if cond %} blocks found with string.find, HTML
-- escaping with a gsub replacement table, output built with table.concat.
local html_escapes = { ['<'] = '&lt;', ['>'] = '&gt;', ['&'] = '&amp;', ['"'] = '&quot;', ["'"] = '&#39;' }

local filters = {}
function filters.upper(s) return string.upper(tostring(s)) end
function filters.lower(s) return string.lower(tostring(s)) end
function filters.escape(s) return (string.gsub(tostring(s), '[<>&"\']', html_escapes)) end
function filters.trim(s) return (string.gsub(tostring(s), '^%s*(.-)%s*$', '%1')) end
function filters.title(s)
  return (string.gsub(tostring(s), '(%a)([%w_]*)', function(first, rest)
    return string.upper(first) .. string.lower(rest)
  end))
end
function filters.money(n) return string.format('%.2f', n / 100) end
function filters.len(t) return #t end
function filters.default(s) if s == nil or s == '' then return '-' end return s end

local function lookup(ctx, path)
  local v = ctx
  for part in string.gmatch(path, '[^%.]+') do
    if type(v) ~= 'table' then return nil end
    local n = tonumber(part)
    v = v[n or part]
  end
  return v
end

local function eval_expr(ctx, expr)
  local parts = {}
  for p in string.gmatch(expr, '[^|]+') do parts[#parts + 1] = filters.trim(p) end
  local v = lookup(ctx, parts[1])
  for i = 2, #parts do
    local f = filters[parts[i]]
    if not f then error('unknown filter ' .. parts[i]) end
    v = f(v)
  end
  if v == nil then return '' end
  return tostring(v)
end

local function substitute(text, ctx)
  return (string.gsub(text, '{{(.-)}}', function(expr) return eval_expr(ctx, expr) end))
end

-- Finds the {% end... %} that closes a block opened before position `from`, skipping nested blocks.
local function find_close(tpl, from, open_word, close_word)
  local depth = 1
  local pos = from
  while true do
    local s, e, word = string.find(tpl, '{%%%s*(%a+)[^%%]*%%}', pos)
    if not s then error('unclosed ' .. open_word) end
    if word == open_word then depth = depth + 1
    elseif word == close_word then
      depth = depth - 1
      if depth == 0 then return s, e end
    end
    pos = e + 1
  end
end

local render

local function render_into(tpl, ctx, out)
  local pos = 1
  while true do
    local s, e, tag = string.find(tpl, '{%%%s*(.-)%s*%%}', pos)
    if not s then
      out[#out + 1] = substitute(string.sub(tpl, pos), ctx)
      return
    end
    out[#out + 1] = substitute(string.sub(tpl, pos, s - 1), ctx)
    local var, list = string.match(tag, '^for%s+([%w_]+)%s+in%s+([%w_%.]+)$')
    if var then
      local cs, ce = find_close(tpl, e + 1, 'for', 'endfor')
      local body = string.sub(tpl, e + 1, cs - 1)
      local items = lookup(ctx, list) or {}
      local scope = setmetatable({}, { __index = ctx })
      for i, item in ipairs(items) do
        scope[var] = item
        scope.loop = { index = i, first = i == 1, last = i == #items }
        render_into(body, scope, out)
      end
      pos = ce + 1
    else
      local neg, cond = string.match(tag, '^if%s+(n?o?t?)%s*([%w_%.]+)$')
      if not cond then error('bad tag ' .. tag) end
      local cs, ce = find_close(tpl, e + 1, 'if', 'endif')
      local body = string.sub(tpl, e + 1, cs - 1)
      local v = lookup(ctx, cond)
      local truthy = v ~= nil and v ~= false and v ~= ''
      if neg == 'not' then truthy = not truthy end
      if truthy then render_into(body, ctx, out) end
      pos = ce + 1
    end
  end
end

function render(tpl, ctx)
  local out = {}
  render_into(tpl, ctx, out)
  return table.concat(out)
end

local page = [[
<html><head><title>{{ title | escape }}</title></head>
<body>
<h1>{{ title | title | escape }}</h1>
{% if user %}<p class="user">Signed in as {{ user.name | escape }} ({{ user.email | lower }})</p>{% endif %}
{% if not user %}<p>Please sign in</p>{% endif %}
<table>
{% for order in orders %}  <tr class="{% if loop.first %}first{% endif %}{% if loop.last %}last{% endif %}">
    <td>{{ loop.index }}</td><td>{{ order.id }}</td><td>{{ order.customer | title | escape }}</td>
    <td>{{ order.total | money }}</td><td>{{ order.note | default | escape }}</td>
    <td>{% for line in order.lines %}{{ line.sku | upper }} x{{ line.qty }}{% if not loop.last %}, {% endif %}{% endfor %}</td>
  </tr>
{% endfor %}</table>
<p>{{ orders | len }} orders</p>
</body></html>
]]

local seed = 7
local function rand(n)
  seed = (seed * 16807) % 2147483647
  return seed % n
end
local names = { 'ada lovelace', 'alan <turing>', 'grace hopper', "o'neil & sons", 'edsger dijkstra', 'barbara liskov' }
local notes = { '', 'rush', 'gift "wrapped"', '  leave at door  ', 'call <first>' }

local function make_context(round)
  local orders = {}
  for i = 1, 30 do
    local lines = {}
    local total = 0
    for j = 1, rand(4) + 1 do
      local qty = rand(5) + 1
      local price = rand(5000) + 100
      lines[j] = { sku = 'sku-' .. rand(900) + 100, qty = qty }
      total = total + qty * price
    end
    orders[i] = { id = round * 100 + i, customer = names[rand(#names) + 1], total = total,
      note = notes[rand(#notes) + 1], lines = lines }
  end
  local user
  if round % 3 ~= 0 then user = { name = names[round % #names + 1], email = 'User' .. round .. '@Example.COM' } end
  return { title = 'orders for <week ' .. round .. '>', user = user, orders = orders }
end

local h, size = 0, 0
for round = 1, 750 do
  local html = render(page, make_context(round))
  size = size + #html
  for i = 1, #html, 5 do h = (h * 31 + string.byte(html, i)) % 2147483647 end
  if round == 1 then print(string.sub(html, 1, 400)) end
end
print(string.format('template: %d bytes rendered, checksum %d', size, h))

-- json: a pure-Lua JSON encoder and decoder of the usual kind (string building with table.concat, scanning with
-- string.byte/sub/find, escapes, numbers through tonumber and string.format), round-tripping generated documents.
local escapes = {
  ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f',
  ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t',
}
local unescapes = { ['"'] = '"', ['\\'] = '\\', ['/'] = '/', b = '\b', f = '\f', n = '\n', r = '\r', t = '\t' }

local function escape_char(c)
  return escapes[c] or string.format('\\u%04x', string.byte(c))
end

local function is_array(t)
  local n = 0
  for k in pairs(t) do
    if type(k) ~= 'number' then return false end
    n = n + 1
  end
  return n == #t
end

local encode_value

local function encode_table(t, out)
  if is_array(t) then
    out[#out + 1] = '['
    for i = 1, #t do
      if i > 1 then out[#out + 1] = ',' end
      encode_value(t[i], out)
    end
    out[#out + 1] = ']'
  else
    local keys = {}
    for k in pairs(t) do keys[#keys + 1] = k end
    table.sort(keys)
    out[#out + 1] = '{'
    for i, k in ipairs(keys) do
      if i > 1 then out[#out + 1] = ',' end
      out[#out + 1] = '"' .. k:gsub('[%c"\\]', escape_char) .. '":'
      encode_value(t[k], out)
    end
    out[#out + 1] = '}'
  end
end

function encode_value(v, out)
  local tv = type(v)
  if tv == 'string' then
    out[#out + 1] = '"' .. v:gsub('[%c"\\]', escape_char) .. '"'
  elseif tv == 'number' then
    if v == math.floor(v) and v > -1e15 and v < 1e15 then
      out[#out + 1] = string.format('%d', v)
    else
      out[#out + 1] = string.format('%.14g', v)
    end
  elseif tv == 'boolean' then
    out[#out + 1] = v and 'true' or 'false'
  elseif tv == 'table' then
    encode_table(v, out)
  elseif v == nil then
    out[#out + 1] = 'null'
  else
    error('cannot encode a ' .. tv)
  end
end

local function encode(v)
  local out = {}
  encode_value(v, out)
  return table.concat(out)
end

local decode_value

local function skip_space(s, i)
  local _, e = s:find('^[ \n\r\t]*', i)
  return e + 1
end

local function decode_error(s, i, msg)
  error(string.format('%s at position %d near %q', msg, i, s:sub(i, i + 10)))
end

local function decode_string(s, i)
  local parts = {}
  local j = i + 1
  while true do
    local a, b = s:find('["\\]', j)
    if not a then decode_error(s, i, 'unterminated string') end
    if a > j then parts[#parts + 1] = s:sub(j, a - 1) end
    if s:byte(a) == 34 then
      return table.concat(parts), b + 1
    end
    local c = s:sub(a + 1, a + 1)
    if c == 'u' then
      local code = tonumber(s:sub(a + 2, a + 5), 16)
      if not code then decode_error(s, a, 'bad unicode escape') end
      parts[#parts + 1] = string.char(code % 256)
      j = a + 6
    else
      local r = unescapes[c]
      if not r then decode_error(s, a, 'bad escape') end
      parts[#parts + 1] = r
      j = a + 2
    end
  end
end

local function decode_number(s, i)
  local a, b = s:find('^-?%d+%.?%d*[eE]?[-+]?%d*', i)
  if not a then decode_error(s, i, 'bad number') end
  local n = tonumber(s:sub(a, b))
  if not n then decode_error(s, i, 'bad number') end
  return n, b + 1
end

local function decode_array(s, i)
  local arr = {}
  i = skip_space(s, i + 1)
  if s:byte(i) == 93 then return arr, i + 1 end
  while true do
    local v
    v, i = decode_value(s, i)
    arr[#arr + 1] = v
    i = skip_space(s, i)
    local c = s:byte(i)
    if c == 93 then return arr, i + 1 end
    if c ~= 44 then decode_error(s, i, "expected ',' or ']'") end
    i = skip_space(s, i + 1)
  end
end

local function decode_object(s, i)
  local obj = {}
  i = skip_space(s, i + 1)
  if s:byte(i) == 125 then return obj, i + 1 end
  while true do
    if s:byte(i) ~= 34 then decode_error(s, i, 'expected a key') end
    local k
    k, i = decode_string(s, i)
    i = skip_space(s, i)
    if s:byte(i) ~= 58 then decode_error(s, i, "expected ':'") end
    i = skip_space(s, i + 1)
    obj[k], i = decode_value(s, i)
    i = skip_space(s, i)
    local c = s:byte(i)
    if c == 125 then return obj, i + 1 end
    if c ~= 44 then decode_error(s, i, "expected ',' or '}'") end
    i = skip_space(s, i + 1)
  end
end

local literals = { ['true'] = true, ['false'] = false }

function decode_value(s, i)
  local c = s:byte(i)
  if c == 34 then return decode_string(s, i)
  elseif c == 123 then return decode_object(s, i)
  elseif c == 91 then return decode_array(s, i)
  elseif c == 45 or (c and c >= 48 and c <= 57) then return decode_number(s, i)
  end
  local word = s:match('^%a+', i)
  if word == 'null' then return nil, i + 4 end
  if literals[word] ~= nil then return literals[word], i + #word end
  decode_error(s, i, 'unexpected character')
end

local function decode(s)
  local v, i = decode_value(s, skip_space(s, 1))
  i = skip_space(s, i)
  if i <= #s then decode_error(s, i, 'trailing data') end
  return v
end

-- Deterministic documents: a Park-Miller generator keeps every value the same under Lua 5.1 and 5.4.
local seed = 42
local function rand(n)
  seed = (seed * 16807) % 2147483647
  return seed % n
end

local words = { 'alpha', 'beta', 'gamma', 'delta', 'tab\there', 'quote"d', 'back\\slash', 'line\nbreak',
  'caf\195\169', 'ctrl\1x', 'order-desk', 'pong' }

local function make_record(id)
  local tags = {}
  for i = 1, rand(5) + 1 do tags[i] = words[rand(#words) + 1] end
  return {
    id = id,
    name = words[rand(#words) + 1] .. '-' .. id,
    price = rand(100000) / 100,
    qty = rand(1000),
    active = rand(2) == 1,
    tags = tags,
    owner = { name = words[rand(#words) + 1], score = rand(2000) - 1000, ratio = rand(1000) / 7 },
  }
end

local function checksum(s, h)
  for i = 1, #s, 7 do h = (h * 31 + s:byte(i)) % 2147483647 end
  return h
end

local h, total_len, sum_qty = 0, 0, 0
for round = 1, 150 do
  local doc = { round = round, items = {} }
  for i = 1, 150 do doc.items[i] = make_record(round * 1000 + i) end
  local text = encode(doc)
  local back = decode(text)
  for _, item in ipairs(back.items) do sum_qty = sum_qty + item.qty end
  local again = encode(back)
  if again ~= text then error('round trip differs in round ' .. round) end
  total_len = total_len + #text
  h = checksum(text, h)
end
print(string.format('json: %d bytes encoded, qty %d, checksum %d', total_len, sum_qty, h))

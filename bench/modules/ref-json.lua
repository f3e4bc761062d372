-- A plain-Lua JSON encoder, the reference side of bench/modules/run.mjs: what a Lua app without a native json module
-- would run. Written for this benchmark (not a general library): arrays are tables whose keys are 1..#t, every other
-- table is an object with string keys; strings are escaped per RFC 8259; integers print without a fraction.
local byte, char, format, concat, type, pairs, floor = string.byte, string.char, string.format, table.concat, type, pairs, math.floor

local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f', ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }
for i = 0, 31 do
  local c = char(i)
  if not escapes[c] then escapes[c] = format('\\u%04x', i) end
end

local function quote(s)
  return '"' .. s:gsub('[%c"\\]', escapes) .. '"'
end

local encode_value

local function encode_table(t, buf, n)
  local len = #t
  if len > 0 or next(t) == nil then
    n = n + 1; buf[n] = '['
    for i = 1, len do
      if i > 1 then n = n + 1; buf[n] = ',' end
      n = encode_value(t[i], buf, n)
    end
    n = n + 1; buf[n] = ']'
    return n
  end
  n = n + 1; buf[n] = '{'
  local first = true
  for k, v in pairs(t) do
    if not first then n = n + 1; buf[n] = ',' end
    first = false
    n = n + 1; buf[n] = quote(tostring(k))
    n = n + 1; buf[n] = ':'
    n = encode_value(v, buf, n)
  end
  n = n + 1; buf[n] = '}'
  return n
end

function encode_value(v, buf, n)
  local ty = type(v)
  n = n + 1
  if ty == 'string' then buf[n] = quote(v)
  elseif ty == 'number' then
    if v == floor(v) and v > -2^53 and v < 2^53 then buf[n] = format('%d', v) else buf[n] = format('%.14g', v) end
  elseif ty == 'boolean' then buf[n] = v and 'true' or 'false'
  elseif ty == 'nil' then buf[n] = 'null'
  elseif ty == 'table' then return encode_table(v, buf, n - 1)
  else error('cannot encode ' .. ty) end
  return n
end

return {
  encode = function(v)
    local buf = {}
    local n = encode_value(v, buf, 0)
    return concat(buf, '', 1, n)
  end,
}

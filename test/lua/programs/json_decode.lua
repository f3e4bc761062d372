local function decode(s)
  local pos = 1
  local function ws() pos = s:find("[^ \t\r\n]", pos) or #s + 1 end
  local value
  local function str()
    local out = {}
    pos = pos + 1
    while true do
      local c = s:sub(pos, pos)
      if c == '"' then pos = pos + 1 break end
      if c == "\\" then
        local e = s:sub(pos + 1, pos + 1)
        local map = { n = "\n", t = "\t", ['"'] = '"', ["\\"] = "\\", ["/"] = "/" }
        out[#out + 1] = map[e] or e
        pos = pos + 2
      else
        out[#out + 1] = c
        pos = pos + 1
      end
    end
    return table.concat(out)
  end
  function value()
    ws()
    local c = s:sub(pos, pos)
    if c == "{" then
      local obj = {}
      pos = pos + 1 ws()
      if s:sub(pos, pos) == "}" then pos = pos + 1 return obj end
      repeat
        ws()
        local k = str()
        ws() pos = pos + 1
        obj[k] = value()
        ws()
        local sep = s:sub(pos, pos)
        pos = pos + 1
      until sep == "}"
      return obj
    elseif c == "[" then
      local arr = {}
      pos = pos + 1 ws()
      if s:sub(pos, pos) == "]" then pos = pos + 1 return arr end
      repeat
        arr[#arr + 1] = value()
        ws()
        local sep = s:sub(pos, pos)
        pos = pos + 1
      until sep == "]"
      return arr
    elseif c == '"' then return str()
    elseif s:find("^true", pos) then pos = pos + 4 return true
    elseif s:find("^false", pos) then pos = pos + 5 return false
    elseif s:find("^null", pos) then pos = pos + 4 return nil
    else
      local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
      pos = pos + #num
      return tonumber(num)
    end
  end
  return value()
end
local v = decode('{"a": [1, 2, {"b": "c\\n"}], "t": true, "f": false, "n": -12, "e": 1.5e3, "s": "q\\"x"}')
print(#v.a, v.a[1], v.a[2], v.a[3].b, v.t, v.f, v.n, v.e, v.s)
local arr = decode("[[], [[]], {}, [1, [2, [3]]]]")
print(#arr, #arr[1], #arr[2], next(arr[3]), arr[4][2][2][1])

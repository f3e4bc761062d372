local function show(label, f)
  local r = { pcall(f) }
  local t = { label }
  for i = 1, 3 do t[#t + 1] = tostring(r[i]) end
  print(table.concat(t, "\t"))
end

local function deep(n)
  local t = {}
  local c = t
  for _ = 1, n do
    c[1] = {}
    c = c[1]
  end
  return t
end

local function main()
  show("json $ref to itself", function() return json.validate_string('{"$ref":"#"}', "1") end)
  show("json $ref loop", function()
    return json.validate_string('{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}', "1")
  end)
  show("json remote $ref", function() return json.validate_string('{"$ref":"http://127.0.0.1:9/s.json"}', "1") end)
  show("json deep schema", function()
    return json.validate_string(('{"items":'):rep(50000) .. "true" .. ("}"):rep(50000), "1")
  end)
  show("json deep data", function()
    return json.validate_string('{"items":{"$ref":"#"}}', ("["):rep(100000) .. ("]"):rep(100000))
  end)
  show("json deep table", function() return json.validate("{}", deep(100000)) end)
  show("yaml deep flow", function() return yaml.decode(("["):rep(100000)) end)
  show("yaml encode deep", function() return yaml.encode(deep(100000)) end)
  show("payload deep to text", function() return payload.new(deep(100000)):transcode(payload.format.STRING) end)
  show("pbkdf2 NaN iterations", function() return crypto.pbkdf2("pw", "salt", 0 / 0, 32) end)
  show("pbkdf2 key length 2^31", function() return crypto.pbkdf2("pw", "salt", 1, 2 ^ 31) end)
  show("pbkdf2 1 MiB key at 10M iterations", function() return crypto.pbkdf2("pw", "salt", 10000000, 1048576) end)
  show("pbkdf2 in a metamethod", function()
    local t = setmetatable({}, { __index = function(_, k) return select(2, crypto.pbkdf2("pw", "salt", 10000000, 32)) end })
    return t.x
  end)
  show("random.bytes NaN", function() return crypto.random.bytes(0 / 0) end)
  show("jwt header not JSON", function() return crypto.jwt.verify("bm90anNvbg.e30.x", "k") end)
  show("jwt RS256 key not a key", function()
    return crypto.jwt.encode({ a = 1 }, "-----BEGIN PRIVATE KEY-----\ngarbage\n-----END PRIVATE KEY-----", "RS256")
  end)
  show("regexp nested 100000 deep", function()
    local _, err = text.regexp.compile(("("):rep(100000) .. "a" .. (")"):rep(100000))
    return tostring(err):sub(1, 60)
  end)
  show("regexp past V8's size", function()
    local _, err = text.regexp.compile(("(a|b)"):rep(100000))
    return tostring(err):sub(1, 60)
  end)
  show("expr fromJSON deep", function()
    local _, err = expr.eval("fromJSON(x)", { x = ("["):rep(100000) .. ("]"):rep(100000) })
    return tostring(err):match("^[^\n]*")
  end)
  return 0
end

return { main = main }

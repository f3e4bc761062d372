local function show(label, ...)
  local t = { label }
  for i = 1, select("#", ...) do t[#t + 1] = tostring((select(i, ...))) end
  print(table.concat(t, "\t"))
end

local function main()
  -- (?m) anchors kept V8's linear engine out: catastrophic backtracking
  local re = text.regexp.compile("(?m)^(a|a)*$")
  show("regexp (?m) backtracking", re:match_string(("a"):rep(40) .. "b"), re:match_string(("a"):rep(40) .. "\nb"))
  -- RE2's line ends are \n only, as before
  show("regexp (?m) \\r", text.regexp.compile("(?m)^b"):match_string("a\rb"), text.regexp.compile("(?m)a$"):match_string("a\r\n"),
    text.regexp.compile("(?m)\r$"):match_string("a\r\nb"), text.regexp.compile("(?m)^b$"):find_string("a\nb\r\nb"))

  -- a JSON Schema pattern ran as a backtracking JS RegExp
  local ok, err = json.validate_string('{"type":"string","pattern":"^(a+)+$"}', '"' .. ("a"):rep(40) .. 'b"')
  show("json pattern", ok, err)
  show("json pattern refused by RE2", json.validate_string('{"pattern":"(?<=a)b"}', '"ab"'))

  -- uniqueItems compared every pair
  local items = {}
  for i = 1, 100000 do items[i] = '{"a":' .. i .. '}' end
  show("json uniqueItems", json.validate_string('{"uniqueItems":true}', "[" .. table.concat(items, ",") .. "]"))
  items[100001] = '{"a":7}'
  show("json uniqueItems dup", json.validate_string('{"uniqueItems":true}', "[" .. table.concat(items, ",") .. "]"))

  -- the yaml package checked each key against every earlier one
  local lines = {}
  for i = 1, 100000 do lines[i] = "k" .. i .. ": " .. i end
  local doc = yaml.decode(table.concat(lines, "\n"))
  show("yaml 100000 keys", doc.k1, doc.k100000)
  lines[100001] = "k5: again"
  show("yaml duplicate key", yaml.decode(table.concat(lines, "\n")))

  -- chunks were appended by spreading them as arguments: past ~100000 that overflowed the stack
  local splitter = text.splitter.recursive({ chunk_size = 5, chunk_overlap = 0 })
  show("splitter 200000 chunks", #splitter:split_text(("abc def "):rep(100000)))

  -- uniq scanned what it kept; nested maps made a million-element array per element
  show("expr uniq", #expr.eval("uniq(1..1000000)"))
  -- max spread a million numbers as arguments: 'nested too deeply'
  show("expr max", expr.eval("max(1..1000000)"))
  local v, e = expr.eval("map(1..1000000, len(map(1..1000000, #)))")
  show("expr nested map", v, tostring(e):match("^[^\n]*"))
  return 0
end

return { main = main }

-- Module calls that each run for minutes inside one call (before the fix they froze the whole node). The pcall must
-- not catch the backstop's error.
local function thousand()
  local t = {}
  for i = 1, 1000 do t[i] = i end
  return t
end

local function main(kind)
  if kind == "expr-nested-count" then
    -- a billion steps and no array made: the memory budget never sees it
    pcall(expr.eval, "count(x, count(x, count(x, true) > 0) > 0)", { x = thousand() })
  elseif kind == "diff-without-deadline" then
    local a, b = {}, {}
    for i = 1, 30000 do
      a[i] = string.char(97 + i * 7 % 26)
      b[i] = string.char(97 + i * 13 % 26)
    end
    local d = text.diff.new({ diff_timeout = 0 })
    pcall(d.compare, d, table.concat(a), table.concat(b))
  elseif kind == "markdown-deep-list" then
    local lines = {}
    for i = 1, 20000 do lines[i] = (" "):rep(i * 2) .. "- x" end
    local s = text.splitter.markdown({ chunk_size = 10 })
    pcall(s.split_text, s, table.concat(lines, "\n"))
  elseif kind == "splitter-overlap" then
    -- a million one-character pieces, each chunk joining 100000 of them
    local s = text.splitter.recursive({ chunk_size = 100000, chunk_overlap = 99999 })
    pcall(s.split_text, s, ("x"):rep(1000000))
  elseif kind == "regexp-replace-template" then
    local re = text.regexp.compile("")
    pcall(re.replace_all_string, re, ("a"):rep(1000000), ("$0"):rep(1000))
  elseif kind == "yaml-huge-document" then
    local lines = {}
    for i = 1, 300000 do lines[i] = "k" .. i .. ": " .. i end
    pcall(yaml.decode, table.concat(lines, "\n"))
  elseif kind == "yaml-huge-flow" then
    -- the same on one line: no line ends to count
    local items = {}
    for i = 1, 300000 do items[i] = "k" .. i .. ": " .. i end
    pcall(yaml.decode, "{" .. table.concat(items, ", ") .. "}")
  elseif kind == "json-schema-exponential" then
    -- both branches fail only at the bottom: 2^40 paths
    local schema = '{"anyOf":[{"type":"array","items":{"$ref":"#"}},{"type":"array","items":{"$ref":"#"}}]}'
    pcall(json.validate_string, schema, ("["):rep(40) .. "1" .. ("]"):rep(40))
  end
  print(kind, "finished (it should have been stopped)")
end

return { main = main }

local function tokenize(src)
  local tokens, pos = {}, 1
  local rules = {
    { "^%s+", nil }, { "^%-%-[^\n]*", nil }, { "^%d+%.?%d*", "num" }, { "^[%a_][%w_]*", "name" },
    { '^"[^"]*"', "str" }, { "^==", "op" }, { "^~=", "op" }, { "^<=", "op" }, { "^>=", "op" },
    { "^%.%.", "op" }, { "^[%+%-%*/%%%^#<>=%(%){}%[%];:,%.]", "op" },
  }
  while pos <= #src do
    local matched = false
    for _, r in ipairs(rules) do
      local s, e = src:find(r[1], pos)
      if s then
        if r[2] then tokens[#tokens + 1] = r[2] .. ":" .. src:sub(s, e) end
        pos = e + 1
        matched = true
        break
      end
    end
    if not matched then error("bad char at " .. pos, 0) end
  end
  return tokens
end
print(table.concat(tokenize('local x = 10 -- comment\nif x >= 5 then print("big" .. x) end'), " "))
print(pcall(tokenize, "x = @"))

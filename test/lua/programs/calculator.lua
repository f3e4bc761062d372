-- recursive-descent expression evaluator
local function evaluate(src)
  local pos = 1
  local function peek() return src:match("^%s*(%S)", pos) end
  local function take(p) local s, e, cap = src:find("^%s*(" .. p .. ")", pos) if s then pos = e + 1 return cap end end
  local expr
  local function atom()
    if take("%(") then local v = expr() take("%)") return v end
    if take("%-") then return -atom() end
    return tonumber(take("%d+%.?%d*"))
  end
  local function power() local b = atom() if take("%^") then return b ^ power() end return b end
  local function term()
    local v = power()
    while true do
      local op = take("[%*/%%]")
      if not op then return v end
      local r = power()
      if op == "*" then v = v * r elseif op == "/" then v = v / r else v = v % r end
    end
  end
  function expr()
    local v = term()
    while true do
      local op = take("[%+%-]")
      if not op then return v end
      local r = term()
      if op == "+" then v = v + r else v = v - r end
    end
  end
  return expr()
end
for _, e in ipairs({ "1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4", "17 % 5 + 1", "((((7))))" }) do
  print(e, string.format("%g", evaluate(e)))
end

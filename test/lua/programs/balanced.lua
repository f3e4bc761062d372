local pairsOf = { [")"] = "(", ["]"] = "[", ["}"] = "{" }
local function balanced(s)
  local stack = {}
  for c in s:gmatch("[%(%)%[%]{}]") do
    if c == "(" or c == "[" or c == "{" then stack[#stack + 1] = c
    else
      if stack[#stack] ~= pairsOf[c] then return false end
      stack[#stack] = nil
    end
  end
  return #stack == 0
end
for _, s in ipairs({ "()", "([]{})", "(]", "((", "", "f(a[1], {b = 2})", "}{" }) do print("[" .. s .. "]", balanced(s)) end

local function make(limit)
  local function loop(i, s)
    if i > limit then return s end
    return loop(i + 1, s + i)
  end
  return loop
end
print(make(500000)(1, 0))
local t = {}
function t.a(n) if n == 0 then return "a-end" end return t.b(n - 1) end
function t.b(n) if n == 0 then return "b-end" end return t.a(n - 1) end
print(t.a(200001), t.a(200000))

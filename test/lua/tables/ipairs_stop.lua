local t = { 1, 2, nil, 4 }
for i, v in ipairs(t) do print(i, v) end
local u = { [1] = "a", [2] = "b", [4] = "d" }
local n = 0
for _ in ipairs(u) do n = n + 1 end
print(n)
for i, v in ipairs({}) do print("never") end
local w = { n = 1, [0] = "zero", "one", "two" }
for i, v in ipairs(w) do print(i, v) end
local f, s, c = ipairs(w)
print(type(f), s == w, c)

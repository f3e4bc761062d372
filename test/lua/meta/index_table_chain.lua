local A = { a = "A.a", shared = "A" }
local B = setmetatable({ b = "B.b", shared = "B" }, { __index = A })
local C = setmetatable({ c = "C.c" }, { __index = B })
print(C.a, C.b, C.c, C.shared, C.none)
print(rawget(C, "a"), rawget(C, "c"))
A.late = "added later"
print(C.late)

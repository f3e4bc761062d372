print("before")
local f
f()
print("after")

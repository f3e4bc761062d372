local a = [==[
one ]] two ]=] three
]==]
print(a)
local b = [=[[[inner]]]=]
print(b)
--[=[ a comment containing ]] and [[
]=]
print("done")

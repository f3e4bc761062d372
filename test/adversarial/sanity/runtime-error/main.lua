-- A runtime error in a script is reported in Lua's words with a traceback, never as a JS exception.
local t = nil
print("before")
print(t.x)

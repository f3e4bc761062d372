-- a name used before its `local` declaration refers to the global, even inside a function defined earlier
local function f() return later end
local later = "local value"
print(f(), later)
later2 = "global value"
local function g() return later2 end
local later2 = "shadowing local"
print(g(), later2)
local function h() return laterFn and laterFn() end
local function laterFn() return "local fn" end
print(h())

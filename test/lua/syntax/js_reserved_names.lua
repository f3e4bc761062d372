-- JS reserved words and globals are ordinary Lua identifiers
local var, let, const, class, new, this = 1, 2, 3, 4, 5, 6
local arguments, eval, yield, await, async, static = 7, 8, 9, 10, 11, 12
local delete, void, instanceof, switch, case, default = 13, 14, 15, 16, 17, 18
local catch, try, finally, throw, enum, export, import = 19, 20, 21, 22, 23, 24, 25
local super, implements, package, private, protected, public = 26, 27, 28, 29, 30, 31
local with, debugger, undefined, NaN, Infinity, null = 32, 33, 34, 35, 36, 37
print(var + let + const + class + new + this)
print(arguments + eval + yield + await + async + static)
print(delete + void + instanceof + switch + case + default)
print(catch + try + finally + throw + enum + export + import)
print(super + implements + package + private + protected + public)
print(with + debugger + undefined + NaN + Infinity + null)
local function new(x) return x end
print(new(1))
local Object, Array, Math, JSON, Symbol, globalThis = "O", "A", "M", "J", "S", "G"
print(Object .. Array .. Math .. JSON .. Symbol .. globalThis)

-- globals named like JS globals / internals must not collide with the host
print(Object, Array, Math, JSON, globalThis, window, undefined, NaN)
Object = 1
Math = 2
undefined = 3
constructor = 4
toString = 5
hasOwnProperty = 6
__proto__ = 7
print(Object, Math, undefined, constructor, toString, hasOwnProperty, __proto__)
print(_G.Object, _G["__proto__"], rawget(_G, "toString"))

#!/usr/bin/env lua
-- built to trip a naive stripper: colons of method calls, `<` and `>` as comparisons, type-like text in strings,
-- comments and long strings, annotations broken over lines and followed by statements on the same line
local Obj = {n = 1}
function Obj:get(k) return self.n + #k end
function Obj:put(v) self.n = v return self end

local a = Obj:get("ab") Obj:put(5)
local b = Obj:get "x" local c = Obj:put{}
Obj:put(2):put(3)
local x = 3 local y = 4
local lt = x < y local gt = y > x
local cmp = x<y and y>x
local function f(v) return v end
local chain = f(x) < f(y) and f(y) > f(x)
print(a, b, c == Obj, Obj.n, lt, gt, cmp, chain)

local s1 = "local v: number = y as T -- not a comment"
local s2 = 'x :: T; y! ::label:: <T>(a: T) -> U'
local s3 = "escaped \" quote: then as number \\"
local s4 = [[long: string
  with as T and x! and type X = {}]]
local s5 = [==[ ]] still: inside as T ]=] ]==]
-- a comment: local z: number = w as T
--[[ block comment
  type Hidden = {x: number}
  local q: string = r!
]]
--[==[ ]] local k: T ]==]
print(s1, s2, s3)
print(s4, s5)

local m = 7
local n

  = {"p", "q"}
local u = "u"; local v = nil;
function Obj:count()  Obj.n = Obj.n + 1 return Obj.n end
local function box() return {value = 1} end
print(m, #n, u, v, Obj:count(), box().value)

local t = {[1] = "one", two = 2, f = function(q) return q end}
local idx = t[1] .. "!" .. t.f(3)
local neg = -t.two
local len = #n + 1
print(idx, neg, len, (t).two, type(t.f))
local tp = type(t)
local tq = type "literal"
print(tp, tq)
local u8 = "héllo ✓ as T" -- ünïcode: x as T
print(#u8, u8, u8:upper())

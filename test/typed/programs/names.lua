-- `type` stays a plain name; go-lua's reserved words are fine as field names, method names and table keys
local Obj = {}
Obj.__index = Obj
function Obj.new(kind: string): Obj return setmetatable({kind = kind}, Obj) end
function Obj:type(): string return "type:" .. self.kind end
function Obj:is(other: Obj): boolean return self.kind == other.kind end
function Obj:as(kind: string): Obj return Obj.new(kind) end
function Obj:readonly(): boolean return true end
function Obj:interface(): string return "iface" end
function Obj:asserts(v: any): any return v end
function Obj.type(x: any): string return "static " .. type(x) end

local t = {is = 1, as = 2, readonly = 3, interface = 4, asserts = 5, keyof = 6, extends = 7, type = 8}
t.is = t.is + 10
t.type = t.type .. "!"
print(t.is, t.as, t.readonly, t.interface, t.asserts, t["keyof"], t["extends"], t.type)
print(t["typeof"], t["fun"])

local o = Obj.new("a")
print(Obj.type(o), o:is(Obj.new("a")), o:as("b").kind, o:readonly(), o:interface(), o:asserts(9))
local type_of = type
local type = type(o)
print(type, type_of(type))
local kinds: {string} = {}
for _, v in ipairs({1, "s", {}, print}) do kinds[#kinds + 1] = type_of(v) end
print(table.concat(kinds, " "))
type = nil
local cfg = {type = "x"}
print(cfg.type, cfg["type"])

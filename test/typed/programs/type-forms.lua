-- every type expression form in aliases and annotations: optional, union, intersection, arrays ({T}, T[], T[][]),
-- maps, records with optional fields, both function-type forms, literals, typeof, keyof, readonly, conditional,
-- indexed access, qualified names, generic application, validators; aliases spanning many lines
type Id = number | string
type MaybeId = Id?
type Named = {name: string} & {id: Id}
type Grid = number[][]
type Names = {string}
type Index = {[string]: number}
type Mode = "read" | "write" | 1 | true | nil
type Handler = (req: {path: string}, ...any) -> (boolean, string?)
type LuaStyle = fun(a: number, b: number?): (number, number)
type NoResult = () -> ()
type Curried = (number) -> (number) -> number
type MaybeFn = ((number) -> number)?
type Grouped = (number | string)[]
type Ro = readonly {number}
type RoMap = readonly {[string]: boolean}
type RoRec = readonly {x: number}
type Iface = interface {area: number}
type Keys = keyof(Named)
type NameField = Named["name"]
type IsNum<T> = T extends number ? "yes" : "no"
type Qualified = json.Value
type Config<T,
            E: string?> = {
  -- comments inside a multi-line alias
  value: T,
  extra?: E,           -- optional field
  limits: {
    min: number @min(0),
    max?: number @max(100) @min(1),
  },
  tags: {string} @min_len(1) @max_len(10),
  email: string @pattern("^.+@.+$"),
  type: "config",
}
local sample = {n = 1}
type Sample = typeof(sample)
type Guard = (v: any) -> asserts v is string

local grid: Grid = {{1, 2}, {3, 4}}
local ids: Id[] = {1, "two"}
local handler: Handler = function(req: {path: string}, ...: any): (boolean, string?)
  return req.path == "/", nil
end
local ro: readonly {[string]: number} = {a = 1}
local curried: Curried = function(a: number): (number) -> number
  return function(b: number): number return a + b end
end
local opt: ((string) -> string)? = nil
local lit: "on" | "off" = "on"
local big: {[Id]: {Named}} = {}
print(grid[2][1], ids[2], handler({path = "/"}), ro.a, curried(2)(3), opt, lit, next(big))

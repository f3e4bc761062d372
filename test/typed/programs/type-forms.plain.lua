-- every type expression form in aliases and annotations: optional, union, intersection, arrays ({T}, T[], T[][]),
-- maps, records with optional fields, both function-type forms, literals, typeof, keyof, readonly, conditional,
-- indexed access, qualified names, generic application, validators; aliases spanning many lines























local sample = {n = 1}



local grid = {{1, 2}, {3, 4}}
local ids = {1, "two"}
local handler = function(req, ...)
  return req.path == "/", nil
end
local ro = {a = 1}
local curried = function(a)
  return function(b) return a + b end
end
local opt = nil
local lit = "on"
local big = {}
print(grid[2][1], ids[2], handler({path = "/"}), ro.a, curried(2)(3), opt, lit, next(big))

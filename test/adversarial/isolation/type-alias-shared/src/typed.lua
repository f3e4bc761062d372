-- `Num` is not an alias of this chunk: Point looks it up in the globals of the process whose run made Point.
type NumT = number
type StrT = string
type Point = { x: Num }

local function main(kind, parent)
  Num = kind == "num" and NumT or StrT
  process.send(parent, "loaded", kind)
  process.inbox():receive() -- both processes have loaded this chunk by now
  local ok = pcall(function() return Point({ x = 1 }) end)
  process.send(parent, "result", kind .. " " .. tostring(ok))
end

return { main = main }

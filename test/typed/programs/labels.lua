-- reference: luajit (labels and goto are not Lua 5.1; LuaJIT runs them with 5.1 semantics)
-- `::name::` labels beside `x :: T` casts (go-lua lexer.go tryLabelLookahead: `::`, spaces, name, spaces, `::`)
local out: {string} = {}
local i: number = 0
::top::
i = i + 1
local v = i :: number
if v < 3 then goto top end
out[#out + 1] = tostring(i :: integer)

for k = 1, 4 do
  if k % 2 == 0 then goto continue end
  out[#out + 1] = "k" .. k :: string
  :: continue ::
end

do
  local w = i::number
  goto done
  out[#out + 1] = "skipped"
  ::   done   ::
  out[#out + 1] = tostring(w)
end
print(table.concat(out, ","))

-- JS keywords as Lua names, captured by closures and used as parameters and loop variables
local function make(new, class, this, yield, await)
  return function(delete)
    return new + class + this + yield + await + delete
  end
end
print(make(1, 2, 3, 4, 5)(6))
for typeof_ = 1, 2 do end
for var = 1, 2 do print("var", var) end
for let, const in ipairs({ "a", "b" }) do print(let, const) end
local switch = { case = "c", default = "d" }
print(switch.case, switch.default)
local function static(...) local arguments = select('#', ...) return arguments end
print(static(1, 2, 3))

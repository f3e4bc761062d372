print("before")
local done = true
if done then
  print("returning early from the main chunk")
  return
end
print("never printed")

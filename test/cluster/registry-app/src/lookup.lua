-- What `name` resolves to on this node: its pid, or the error's kind.
local function main(name)
  local pid, err = process.registry.lookup(name)
  if pid == nil then return "none " .. err:kind() end
  return pid
end

return { main = main }

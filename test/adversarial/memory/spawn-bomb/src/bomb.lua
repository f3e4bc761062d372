local function main()
  for _ = 1, 2 do
    local pid, err = process.spawn_linked("app:bomb", "app:processes")
    if not pid then error(err) end
  end
  process.inbox():receive()
end

return { main = main }

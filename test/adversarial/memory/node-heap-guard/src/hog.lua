local function main()
  local t, i = {}, 0
  while true do
    i = i + 1
    t[i] = { i, "item " .. i }
  end
end

return { main = main }

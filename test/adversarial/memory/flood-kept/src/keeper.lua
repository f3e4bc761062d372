local function main()
  local inbox, kept = process.inbox(), {}
  while true do kept[#kept + 1] = inbox:receive():payload():data() end
end

return { main = main }

local function main()
  process.inbox():receive() -- "go"
  return { n = 1 }
end

return { main = main }

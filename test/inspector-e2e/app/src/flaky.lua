-- A service that cannot start: it fails at once, every time it is started.
local function main()
  error("no database at db:5432")
end

return { main = main }

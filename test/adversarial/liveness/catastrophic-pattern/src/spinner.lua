-- ("a*"):rep(28) .. "c" against 28 a's and a b: a backtracking engine tries 2^28 ways before it fails.
local function main()
  local s = ("a"):rep(28) .. "b"
  local p = ("a*"):rep(28) .. "c"
  while true do
    string.find(s, p)
  end
end

return { main = main }

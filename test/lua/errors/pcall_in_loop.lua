local ok, fail = 0, 0
for i = 1, 10000 do
  local s = pcall(function() if i % 7 == 0 then error("x") end return i end)
  if s then ok = ok + 1 else fail = fail + 1 end
end
print(ok, fail)

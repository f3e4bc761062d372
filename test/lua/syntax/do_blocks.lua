local x = "outer"
do
  local x = "inner"
  print(x)
  do
    local x = "innermost"
    print(x)
  end
  print(x)
end
print(x)

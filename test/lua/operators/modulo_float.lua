local cases = { { 5.5, 2 }, { -5.5, 2 }, { 5.5, -2 }, { -5.5, -2 }, { 1, 0.3 }, { 7, 2.5 }, { 0, 3 }, { 3, 3 } }
for _, c in ipairs(cases) do
  print(c[1], c[2], string.format("%.4f", c[1] % c[2]))
end
print(-1 % 3, 1 % -3, -3 % 3 == 0)
print(string.format("%.4f", math.pi % 1))

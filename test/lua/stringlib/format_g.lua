for _, v in ipairs({ 0, 1, -1, 10, 1e5, 1e6, 1e7, 123456, 1234567, 0.5, 0.001, 0.0001, 0.00001, 1e15, 1e16, 1e-300 }) do
  print(string.format("%g|%.3g|%10.2g|%-10g|%G", v, v, v, v, v))
end

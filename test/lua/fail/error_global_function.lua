function explode(n)
  if n == 0 then error("exploded") end
  explode(n - 1)
end
explode(3)

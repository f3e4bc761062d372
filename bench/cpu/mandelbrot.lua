-- mandelbrot: the benchmarks-game kernel (50 iterations, escape at |z|^2 > 4) over an N x N grid;
-- stresses float arithmetic in tight loops. A checksum replaces the PBM image.
local N = 1400
local ITER = 50

local inside = 0
local weighted = 0
for y = 0, N - 1 do
  local ci = 2.0 * y / N - 1.0
  for x = 0, N - 1 do
    local cr = 2.0 * x / N - 1.5
    local zr, zi, zr2, zi2 = 0.0, 0.0, 0.0, 0.0
    local escaped = false
    local k = 0
    while k < ITER do
      zi = 2.0 * zr * zi + ci
      zr = zr2 - zi2 + cr
      zr2 = zr * zr
      zi2 = zi * zi
      k = k + 1
      if zr2 + zi2 > 4.0 then escaped = true; break end
    end
    if escaped then
      weighted = (weighted + k * (x % 7 + 1)) % 1000003
    else
      inside = inside + 1
    end
  end
end
print(string.format("mandelbrot %d inside %d weighted %d", N, inside, weighted))

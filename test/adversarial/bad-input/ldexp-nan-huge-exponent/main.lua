-- math.ldexp(0/0, 2^53): a NaN never left the exponent loop (10^13 turns of it, a hung node)
print(math.ldexp(0/0, 2^53) ~= math.ldexp(0/0, 2^53), math.ldexp(1, 2^53), math.ldexp(-1, -2^53))
